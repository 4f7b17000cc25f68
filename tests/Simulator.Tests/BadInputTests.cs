namespace M2MSim.Simulator.Tests;

/// <summary>A mistake gets a clear message with file, line and field, exit code 2, no stack trace and no folder.</summary>
public sealed class BadInputTests
{
    private const string Valid = """
        name: tiny
        ticks: 5
        markets:
          - resource: data
            price_range: [0.01, 10]
        devices:
          - type: meter
            count: 10
            strategy: zi-c
            produces: {data: 1}
            costs: {data: 0.1}
          - type: buyer
            count: 2
            strategy: zi-c
            wallet: 100
            consumes: {data: 5}
            values: {data: 1}
        """;

    [Theory]
    [InlineData("count: 10", "count: -3", "tiny.yaml:8:12: devices[0].count")]
    [InlineData("ticks: 5", "ticks: five", "tiny.yaml:2:8: ticks")]
    [InlineData("    strategy: zi-c\n    produces", "    strategy: zi-c\n    colour: red\n    produces", "tiny.yaml:10:5: devices[0].colour")]
    [InlineData("resource: data", "resource: water", "tiny.yaml:4:15: markets[0].resource")]
    [InlineData("price_range: [0.01, 10]", "price_range: [10, 0.01]", "markets[0].price_range")]
    [InlineData("ticks: 5", "ticks: 5\noutput: {checkpoint_every: -1}", "tiny.yaml:3:28: output.checkpoint_every")]
    public async Task Run_of_a_bad_scenario_exits_2_naming_file_line_and_field_and_writes_nothing(string from, string to, string expected)
    {
        var work = Cli.NewTempDirectory();
        var text = Valid.Replace(from, to);
        Assert.NotEqual(Valid, text);
        await File.WriteAllTextAsync(Path.Combine(work, "tiny.yaml"), text);

        var result = await Cli.Run(work, "run", "tiny.yaml", "--out", "out");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout); // no stack trace
        Assert.Equal(["tiny.yaml"], Directory.EnumerateFileSystemEntries(work).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Validate_reports_every_error_and_accepts_a_good_file()
    {
        var work = Cli.NewTempDirectory();
        await File.WriteAllTextAsync(Path.Combine(work, "good.yaml"), Valid);
        await File.WriteAllTextAsync(Path.Combine(work, "bad.yaml"), Valid.Replace("count: 10", "count: -1").Replace("ticks: 5", "ticks: 0"));

        var good = await Cli.Run(work, "validate", "good.yaml");
        var bad = await Cli.Run(work, "validate", "bad.yaml");

        Assert.Equal(0, good.ExitCode);
        Assert.Contains("12 devices", good.Stdout);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("bad.yaml:2:8: ticks", bad.Stderr);
        Assert.Contains("devices[0].count", bad.Stderr);
    }

    [Fact]
    public async Task A_missing_file_a_bad_override_and_a_bad_option_exit_2()
    {
        var work = Cli.NewTempDirectory();
        await File.WriteAllTextAsync(Path.Combine(work, "tiny.yaml"), Valid);

        var missing = await Cli.Run(work, "run", "nope.yaml");
        var badSet = await Cli.Run(work, "run", "tiny.yaml", "--set", "devices.lamp.count=3");
        var badEngine = await Cli.Run(work, "run", "tiny.yaml", "--engine", "warp");
        var unknownOption = await Cli.Run(work, "run", "tiny.yaml", "--colour", "red");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.yaml", missing.Stderr);
        Assert.Equal(2, badSet.ExitCode);
        Assert.Contains("--set devices.lamp", badSet.Stderr);
        Assert.Equal(2, badEngine.ExitCode);
        Assert.Contains("--engine", badEngine.Stderr);
        Assert.Equal(2, unknownOption.ExitCode);
        Assert.Contains("Unknown option 'colour'", unknownOption.Stderr);
        Assert.Equal(["tiny.yaml"], Directory.EnumerateFileSystemEntries(work).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Resume_without_a_checkpoint_or_with_a_scenario_is_bad_input()
    {
        var work = Cli.NewTempDirectory();
        await File.WriteAllTextAsync(Path.Combine(work, "tiny.yaml"), Valid);
        var done = await Cli.Run(work, "run", "tiny.yaml", "--out", "done", "--engine", "reference");
        Assert.Equal(0, done.ExitCode);

        var completed = await Cli.Run(work, "run", "--resume", "done");
        var missing = await Cli.Run(work, "run", "--resume", "nowhere");
        var withScenario = await Cli.Run(work, "run", "tiny.yaml", "--resume", "done");
        var nothing = await Cli.Run(work, "run");

        Assert.Equal(2, completed.ExitCode);
        Assert.Contains("done has no checkpoint to resume from", completed.Stderr);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("'nowhere' is not a run folder", missing.Stderr);
        Assert.Equal(2, withScenario.ExitCode);
        Assert.Contains("give no scenario", withScenario.Stderr);
        Assert.Equal(2, nothing.ExitCode);
        Assert.Contains("A scenario file is needed", nothing.Stderr);
        foreach (var r in new[] { completed, missing, withScenario, nothing }) Assert.DoesNotContain("   at ", r.Stderr);
        // The completed run is left as it was.
        Assert.Equal(["done", "tiny.yaml"], Directory.EnumerateFileSystemEntries(work).Select(Path.GetFileName).Order());
        Assert.Equal(4, Directory.GetFiles(Path.Combine(work, "done")).Length);
    }

    [Fact]
    public async Task Help_bad_seeds_folders_and_unusable_output_paths_get_plain_messages()
    {
        var work = Cli.NewTempDirectory();
        await File.WriteAllTextAsync(Path.Combine(work, "tiny.yaml"), Valid);
        await File.WriteAllTextAsync(Path.Combine(work, "a-file"), "");

        var help = await Cli.Run(work, "run", "--help");
        var badSeed = await Cli.Run(work, "run", "tiny.yaml", "--seed", "-1");
        var badTicks = await Cli.Run(work, "validate", "tiny.yaml", "--ticks", "abc");
        var folder = await Cli.Run(work, "validate", ".");
        var underFile = await Cli.Run(work, "run", "tiny.yaml", "--out", "a-file/run");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--set", help.Stdout);
        Assert.Contains("markets[0].fee", help.Stdout);
        Assert.Equal(2, badSeed.ExitCode);
        Assert.Contains("--set seed", badSeed.Stderr);
        Assert.Equal(2, badTicks.ExitCode);
        Assert.Contains("--set ticks: expected an integer", badTicks.Stderr);
        Assert.Equal(2, folder.ExitCode);
        Assert.Contains("this is a folder", folder.Stderr);
        Assert.Equal(2, underFile.ExitCode);
        Assert.Contains("cannot be created", underFile.Stderr);
        foreach (var r in new[] { help, badSeed, badTicks, folder, underFile }) Assert.DoesNotContain("   at ", r.Stdout + r.Stderr);
        Assert.Equal(["a-file", "tiny.yaml"], Directory.EnumerateFileSystemEntries(work).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task An_existing_output_folder_is_refused_and_left_alone()
    {
        var work = Cli.NewTempDirectory();
        await File.WriteAllTextAsync(Path.Combine(work, "tiny.yaml"), Valid);
        Directory.CreateDirectory(Path.Combine(work, "out"));
        await File.WriteAllTextAsync(Path.Combine(work, "out", "keep.txt"), "mine");

        var result = await Cli.Run(work, "run", "tiny.yaml", "--out", "out");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("already exists", result.Stderr);
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(Path.Combine(work, "out")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Overrides_change_the_run()
    {
        var work = Cli.NewTempDirectory();
        await File.WriteAllTextAsync(Path.Combine(work, "tiny.yaml"), Valid);

        var result = await Cli.Run(work, "run", "tiny.yaml", "--out", "o", "--ticks", "7", "--set", "devices.meter.count=4", "--seed", "9", "--engine", "reference");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal(1 + 7, File.ReadAllLines(Path.Combine(work, "o", "ticks.csv")).Length);
        Assert.Equal(1 + 4 + 2, File.ReadAllLines(Path.Combine(work, "o", "devices.csv")).Length);
        Assert.Contains("\"seed\": 9", File.ReadAllText(Path.Combine(work, "o", "manifest.json")));
    }
}
