using System.Globalization;
using System.Text.Json;
using M2MSim.Simulator.Results;

namespace M2MSim.Simulator.Tests;

/// <summary>The README's first command, end to end, and its reproducibility.</summary>
public sealed class QuickstartTests
{
    private static readonly string Quickstart = Path.Combine(Cli.RepoRoot, "scenarios", "quickstart.yaml");

    [Fact]
    public async Task Quickstart_run_writes_the_four_files_and_reruns_byte_for_byte()
    {
        var work = Cli.NewTempDirectory();
        var first = await Cli.Run(work, "run", Quickstart, "--out", "first");
        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        var second = await Cli.Run(work, "run", Quickstart, "--out", "second", "--shards", "3");
        Assert.True(second.ExitCode == 0, second.Stdout + second.Stderr);

        var folder = Path.Combine(work, "first");
        Assert.Equal(["devices.csv", "manifest.json", "ticks.csv", "trades.csv"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        foreach (var file in new[] { "ticks.csv", "trades.csv", "devices.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, file)), File.ReadAllBytes(Path.Combine(work, "second", file)));

        var ticks = CsvTable.Read(Path.Combine(folder, "ticks.csv"));
        Assert.Equal(ResultWriter.TickColumns, ticks.Header);
        Assert.Equal(100 * 3, ticks.Rows.Count); // 100 ticks × 3 markets
        Assert.Equal(["bandwidth", "compute", "data"], ticks.Rows.Select(r => r["resource"]).Distinct().Order());
        Assert.All(["compute", "bandwidth", "data"], r => Assert.Contains(ticks.Rows, row => row["resource"] == r && long.Parse(row["trades"], CultureInfo.InvariantCulture) > 0));

        var devices = CsvTable.Read(Path.Combine(folder, "devices.csv"));
        Assert.Equal(ResultWriter.DeviceColumns, devices.Header);
        Assert.Equal(3970, devices.Rows.Count);
        Assert.True(devices.Rows.Select(r => r["type"]).Distinct().Count() >= 3);
        Assert.All(devices.Rows, r => Assert.Equal("0.000000", r["escrow"]));

        // Money: what the devices hold plus the fee sink is what they started with.
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var initial = manifest.RootElement.GetProperty("initial_supply").GetInt64();
        var balances = devices.Rows.Sum(r => Micros(r["balance"]));
        var fees = Micros(ticks.Rows[^1]["fees_total"]) + ticks.Rows.Where(r => r["tick"] == "99").Sum(r => Micros(r["fees"]));
        Assert.Equal(initial, balances + fees);
        Assert.Equal("completed", manifest.RootElement.GetProperty("outcome").GetString());
        // With no --shards the embedded silo runs one shard (the header says so too); --shards 3 is taken as given.
        Assert.Equal(1, manifest.RootElement.GetProperty("shards").GetInt32());
        Assert.Contains("(1 shard, embedded silo)", System.Text.RegularExpressions.Regex.Replace(first.Stdout, @"\s+", " ")); // the console wraps the header
        using var secondManifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "second", "manifest.json")));
        Assert.Equal(3, secondManifest.RootElement.GetProperty("shards").GetInt32());

        var trades = CsvTable.Read(Path.Combine(folder, "trades.csv"));
        Assert.Equal(ResultWriter.TradeColumns, trades.Header);
        Assert.Equal(ticks.Rows.Sum(r => long.Parse(r["trades"], CultureInfo.InvariantCulture)), trades.Rows.Count);
        Assert.DoesNotContain(Directory.GetDirectories(work), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public async Task Default_output_folder_is_under_runs_named_after_the_scenario()
    {
        var work = Cli.NewTempDirectory();
        var result = await Cli.Run(work, "run", Quickstart, "--ticks", "3", "--engine", "reference");
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var run = Assert.Single(Directory.GetDirectories(Path.Combine(work, "runs")));
        Assert.Matches(@"quickstart-\d{8}T\d{6}Z$", run);
        Assert.Equal(3 * 3, CsvTable.Read(Path.Combine(run, "ticks.csv")).Rows.Count);
    }

    private static long Micros(string text) => (long)(decimal.Parse(text, CultureInfo.InvariantCulture) * 1_000_000m);
}
