using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace M2MSim.Simulator.Tests;

/// <summary>
/// A silo killed (SIGKILL) in the middle of a run on three: the run rolls back to its last
/// checkpoint on the two left and ends with the files of a run that never crashed (docs/cluster.md).
/// The tick of the kill comes from a seed, printed with every failure: M2MSIM_FAULT_SEED=N replays it.
/// </summary>
public sealed partial class SiloCrashTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private const int Ticks = 80;
    private const int Every = 10;
    private static readonly string Quickstart = Path.Combine(Cli.RepoRoot, "scenarios", "quickstart.yaml");

    [Fact]
    public async Task A_run_that_loses_one_of_three_silos_recovers_from_its_checkpoint_to_identical_files()
    {
        var seed = Environment.GetEnvironmentVariable("M2MSIM_FAULT_SEED") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : Random.Shared.Next(1_000_000);
        var killAfter = 12 + seed % 40; // ticks written before the kill: between checkpoints 10 and 50
        var victim = 1 + seed / 40 % 3;
        var replay = $"(fault seed {seed}: M2MSIM_FAULT_SEED={seed} replays it; kill silo {victim} after tick {killAfter})";
        var work = Cli.NewTempDirectory();

        using var process = Cli.Start(work, "run", Quickstart, "--ticks", $"{Ticks}", "--out", "crash", "--silos", "3",
            "--cluster", redis.Address, "--checkpoint-every", $"{Every}");
        var stdout = new StringBuilder();
        var silos = await SiloProcesses(process, stdout, replay);
        var drain = Drain(process, stdout);
        var stderr = process.StandardError.ReadToEndAsync();

        var clock = Stopwatch.StartNew();
        while (TickRows(work) < killAfter)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"the run never reached tick {killAfter} {replay}\n{stdout}");
            Assert.False(process.HasExited, $"the run ended before the kill {replay}\n{stdout}");
            await Task.Delay(20);
        }
        using (var silo = Process.GetProcessById(silos[victim - 1])) silo.Kill();

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        await drain;
        var output = $"{replay}\n{stdout}\n{await stderr}";
        Assert.True(process.ExitCode == 0, output);

        var straight = await Cli.Run(work, "run", Quickstart, "--ticks", $"{Ticks}", "--engine", "reference", "--out", "straight");
        Assert.True(straight.ExitCode == 0, straight.Stdout + straight.Stderr);
        foreach (var file in new[] { "ticks.csv", "trades.csv", "devices.csv" })
            Assert.True(File.ReadAllBytes(Path.Combine(work, "straight", file)).SequenceEqual(File.ReadAllBytes(Path.Combine(work, "crash", file))), $"{file} differs {output}");

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "crash", "manifest.json")));
        var recovery = Assert.Single(manifest.RootElement.GetProperty("recoveries").EnumerateArray());
        var rolledBackTo = recovery.GetProperty("rolled_back_to").GetInt32();
        Assert.True(rolledBackTo % Every == 0 && rolledBackTo >= Every && rolledBackTo <= recovery.GetProperty("failed_at_tick").GetInt32(), $"rolled back to {rolledBackTo} {output}");
        Assert.Equal(3, recovery.GetProperty("silos_before").GetInt32());
        Assert.Equal(2, recovery.GetProperty("silos_after").GetInt32());
        Assert.Contains($"process {silos[victim - 1]}", recovery.GetProperty("cause").GetString());
        // Money was conserved at every tick barrier: the supply column never moves.
        var supply = manifest.RootElement.GetProperty("initial_supply").GetInt64() / 1e6;
        var (_, rows) = CsvTable.Read(Path.Combine(work, "crash", "ticks.csv"));
        Assert.Equal(Ticks * 3, rows.Count);
        Assert.All(rows, row => Assert.Equal(supply, new[] { "money_supply", "in_flight", "fees_total" }.Sum(c => double.Parse(row[c], CultureInfo.InvariantCulture)), 6));
        Assert.False(Directory.Exists(Path.Combine(work, "crash", "checkpoint")), "a completed run keeps no checkpoint");
    }

    /// <summary>Reads the output up to the line naming the silo processes: their ids, silo 1 first.</summary>
    private static async Task<int[]> SiloProcesses(Process process, StringBuilder stdout, string replay)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            stdout.AppendLine(line);
            if (line.StartsWith("Silos: ", StringComparison.Ordinal))
                return SiloLine().Matches(line).OrderBy(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
                    .Select(m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).ToArray();
        }
        throw new InvalidOperationException($"The run printed no silo processes {replay}:\n{stdout}");
    }

    private static async Task Drain(Process process, StringBuilder into)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line) into.AppendLine(line);
    }

    private static int TickRows(string work)
    {
        var file = Directory.GetDirectories(work, ".crash.partial-*").Select(d => Path.Combine(d, "ticks.csv")).FirstOrDefault(File.Exists);
        if (file is null) return 0;
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return (new StreamReader(stream).ReadToEnd().Count(c => c == '\n') - 1) / 3;
    }

    [GeneratedRegex(@"silo (\d+) = process (\d+)")]
    private static partial Regex SiloLine();
}
