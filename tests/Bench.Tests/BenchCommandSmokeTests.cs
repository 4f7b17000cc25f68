namespace M2MSim.Bench.Tests;

/// <summary>The benchmark command end to end at a tiny size: child processes, the floor, both engines, the files.</summary>
public sealed class BenchCommandSmokeTests
{
    [Fact]
    public async Task The_bench_command_measures_a_tiny_money_model_and_writes_its_tables()
    {
        var folder = await BenchAsync("--warmup-seconds", "0", "--floor-rounds", "1");

        var csv = File.ReadAllLines(Path.Combine(folder, "bench.csv"));
        Assert.Equal(5, csv.Length); // header, orleans, reference, orleans with the dashboard, the floor alone
        Assert.StartsWith("300,money,orleans,server,3,", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("300,money,reference,server,3,", csv[2], StringComparison.Ordinal);
        Assert.StartsWith("300,money,orleans + dashboard,server,3,", csv[3], StringComparison.Ordinal);
        Assert.StartsWith("300,money,floor,server,", csv[4], StringComparison.Ordinal);
        // The floor alone: one round calls each of its 300 grains once, in the time its calls per second say.
        var alone = csv[4].Split(',');
        Assert.Equal(300, double.Parse(alone[8], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(300 / double.Parse(alone[11], System.Globalization.CultureInfo.InvariantCulture), double.Parse(alone[7], System.Globalization.CultureInfo.InvariantCulture), 9);
        var floor = csv[1].Split(',')[11];
        Assert.True(double.Parse(floor, System.Globalization.CultureInfo.InvariantCulture) > 0, "the floor should be measured");
        // The dashboard's row is a real run, watched: its ticks are timed and its live channel sent updates.
        var dashboard = csv[3].Split(',');
        Assert.True(double.Parse(dashboard[7], System.Globalization.CultureInfo.InvariantCulture) > 0, "the dashboard run's ticks should be timed");
        var updates = System.Text.RegularExpressions.Regex.Match(dashboard[18], "^watched: ([0-9]+) live updates received$");
        Assert.True(updates.Success && int.Parse(updates.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1, dashboard[18]);
        // The shards' device calls are timed in the grains' rows, within their ticks; the reference loop has no shard.
        foreach (var row in new[] { csv[1], csv[3] })
        {
            var cells = row.Split(',');
            Assert.InRange(double.Parse(cells[19], System.Globalization.CultureInfo.InvariantCulture), double.Epsilon, double.Parse(cells[7], System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.Equal("", csv[2].Split(',')[19]);
        Assert.True(double.Parse(csv[1].Split(',')[20], System.Globalization.CultureInfo.InvariantCulture) > 0, "the calls' own rate against the floor");
        foreach (var row in csv[1..5])
        {
            // The live heap after a full collection: more than nothing, less than the resident peak.
            var cells = row.Split(',');
            var (peak, live) = (long.Parse(cells[14], System.Globalization.CultureInfo.InvariantCulture), long.Parse(cells[15], System.Globalization.CultureInfo.InvariantCulture));
            Assert.InRange(live, 1, peak - 1);
            // Every measured step allocates something (its messages, its result), and no step allocates a megabyte.
            Assert.InRange(double.Parse(cells[16], System.Globalization.CultureInfo.InvariantCulture), 1, 1 << 20);
            Assert.InRange(double.Parse(cells[17], System.Globalization.CultureInfo.InvariantCulture), 0, 1); // a share of the ticks' time
        }
        Assert.Contains("| devices | model | engine |", await File.ReadAllTextAsync(Path.Combine(folder, "bench.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warm_up_in_seconds_runs_more_ticks_and_measures_as_many_as_asked_after_them()
    {
        var folder = await BenchAsync("--warmup-seconds", "0.5", "--engines", "reference");

        // A tick of 300 devices takes well under 0.5 s / 10 on any machine: the warm-up ran many more ticks than asked, then the two measured.
        var cells = File.ReadAllLines(Path.Combine(folder, "bench.csv"))[1].Split(',');
        var ticks = int.Parse(cells[4], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ticks > 10, $"{ticks} ticks");
        // Warm for 0.5 s, or stopped at the limit of ticks on a machine fast enough to run them sooner.
        Assert.Matches($"^warm-up {ticks - 2} ticks \\((0.5 s|the limit: [0-9.]+ s of 0.5 s)\\)$", cells[18]);
    }

    /// <summary>Runs the bench command on 300 devices of the money model for 3 ticks (1 of warm-up), with the server collector; returns its output folder.</summary>
    private static async Task<string> BenchAsync(params string[] options)
    {
        var folder = Path.Combine(Path.GetTempPath(), "m2msim-bench-tests", Guid.NewGuid().ToString("N"));
        var (exit, stdout, stderr) = await BenchProgram.RunAsync(
            new[] { "--devices", "300", "--ticks", "3", "--warmup", "1", "--models", "money", "--gc", "server", "--out", folder }.Concat(options));
        Assert.True(exit == 0, stdout + stderr);
        return folder;
    }
}
