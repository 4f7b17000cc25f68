using System.Globalization;
using System.Text.Json;
using M2MSim.Analysis.Metrics;
using M2MSim.Analysis.Results;

namespace M2MSim.Simulator.Tests;

/// <summary>The sweep command end to end: grid, seeds, sweep.csv against the run folders, resumption, refusals.</summary>
public sealed class SweepTests
{
    /// <summary>Unit-schedule traders, so the manifest has an equilibrium and sweep.csv an efficiency.</summary>
    public const string Scenario = """
        name: tiny-sweep
        seed: 7
        ticks: 20
        periods: {length: 10}
        markets:
          - resource: data
            price_range: [1, 200]
        devices:
          - type: buyer
            count: 3
            strategy: zi-c
            wallet: 1000
            buys: {data: [150, 120]}
          - type: seller
            count: 3
            strategy: zi-c
            sells: {data: [50, 80]}
        """;

    private static readonly string[] Grid = ["--vary", "devices.buyer.strategy=zi-c,zip", "--vary", "markets[0].fee=0:0.05:0.05", "--replications", "2"];

    private static readonly string[] RunFiles = ["devices.csv", "ticks.csv", "trades.csv"];

    [Fact]
    public async Task A_2x2_grid_with_2_replications_runs_every_point_with_common_seeds_and_sweep_csv_matches_the_run_folders()
    {
        var work = await NewWork();
        var result = await Sweep(work, "out", "reference");
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);

        var (header, rows) = CsvTable.Read(Path.Combine(work, "out", "sweep.csv"));
        Assert.Equal(["run", "point", "replication", "seed", "devices.buyer.strategy", "markets[0].fee", "outcome", "ticks", "wall_seconds",
            "trades", "volume", "fees_total", "money_supply", "gini_final", "gini_mean", "efficiency", "mean_price_data"], header);
        string[][] points = [["zi-c", "0"], ["zi-c", "0.05"], ["zip", "0"], ["zip", "0.05"]];
        Assert.Equal(8, rows.Count);
        Assert.Equal(["p000-r00", "p000-r01", "p001-r00", "p001-r01", "p002-r00", "p002-r01", "p003-r00", "p003-r01"], rows.Select(r => r["run"]));
        Assert.Equal(Directory.GetDirectories(Path.Combine(work, "out", "runs")).Select(Path.GetFileName).Order(), rows.Select(r => r["run"]));

        foreach (var row in rows)
        {
            var point = int.Parse(row["point"], CultureInfo.InvariantCulture);
            var replication = int.Parse(row["replication"], CultureInfo.InvariantCulture);
            var folder = Path.Combine(work, "out", "runs", row["run"]);
            Assert.Equal(points[point], new[] { row["devices.buyer.strategy"], row["markets[0].fee"] });
            // Common random numbers: replication r of every point runs with the scenario's seed + r.
            Assert.Equal((7 + replication).ToString(CultureInfo.InvariantCulture), row["seed"]);

            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
            var m = manifest.RootElement;
            Assert.Equal(ulong.Parse(row["seed"], CultureInfo.InvariantCulture), m.GetProperty("seed").GetUInt64());
            var resolved = m.GetProperty("resolved_scenario");
            Assert.Equal(double.Parse(points[point][1], CultureInfo.InvariantCulture), resolved.GetProperty("markets")[0].GetProperty("fee").GetDouble());
            Assert.Contains(points[point][0], resolved.GetProperty("populations")[0].GetRawText());
            Assert.Equal("completed", row["outcome"]);
            Assert.Equal(m.GetProperty("ticks_run").ToString(), row["ticks"]);
            Assert.Equal(m.GetProperty("wall_seconds").GetDouble(), double.Parse(row["wall_seconds"], CultureInfo.InvariantCulture));

            var trades = RunFolderReader.ReadTrades(folder).ToArray();
            Assert.NotEmpty(trades);
            Assert.Equal(trades.Length, long.Parse(row["trades"], CultureInfo.InvariantCulture));
            Assert.Equal(trades.Sum(t => (long)t.Quantity), long.Parse(row["volume"], CultureInfo.InvariantCulture));
            var ticks = RunFolderReader.ReadTicks(folder);
            Assert.Equal(ticks.Sum(t => t.Fees), decimal.Parse(row["fees_total"], CultureInfo.InvariantCulture));
            Assert.Equal(point % 2 == 1, ticks.Sum(t => t.Fees) > 0);
            Assert.Equal(ticks[^1].MoneySupply, decimal.Parse(row["money_supply"], CultureInfo.InvariantCulture));
            Assert.Equal(ticks[^1].Gini, double.Parse(row["gini_final"], CultureInfo.InvariantCulture), 6);
            Assert.Equal(ticks.Average(t => t.Gini), double.Parse(row["gini_mean"], CultureInfo.InvariantCulture), 6);
            var periods = MarketMetrics.ForRun(folder);
            Assert.Equal((double)(periods.Sum(p => p.RealisedSurplus) / periods.Sum(p => p.MaxSurplus!.Value)),
                double.Parse(row["efficiency"], CultureInfo.InvariantCulture), 6);
            Assert.Equal((double)(trades.Sum(t => t.Price * t.Quantity) / trades.Sum(t => t.Quantity)),
                double.Parse(row["mean_price_data"], CultureInfo.InvariantCulture), 4);
            Assert.Equal(RunFiles.Append("manifest.json").Order(), Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        }
        // Same replication, same draws: the two points that differ only in the fee start from the same seed.
        Assert.Equal(rows[0]["seed"], rows[2]["seed"]);

        using var plan = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "out", "sweep.json")));
        var vary = plan.RootElement.GetProperty("vary");
        Assert.Equal(["devices.buyer.strategy", "markets[0].fee"], vary.EnumerateArray().Select(v => v.GetProperty("path").GetString()));
        Assert.Equal(["0", "0.05"], vary[1].GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(7UL, plan.RootElement.GetProperty("seed").GetUInt64());
        Assert.Equal(2, plan.RootElement.GetProperty("replications").GetInt32());
        Assert.Equal("reference", plan.RootElement.GetProperty("engine").GetString());
        Assert.True(plan.RootElement.GetProperty("trades").GetBoolean());
    }

    [Fact]
    public async Task The_orleans_engine_makes_the_same_run_files_and_sweep_csv_as_the_reference_engine()
    {
        var work = await NewWork();
        var orleans = await Sweep(work, "orleans", "orleans", "--parallel", "3");
        Assert.True(orleans.ExitCode == 0, orleans.Stdout + orleans.Stderr);
        var reference = await Sweep(work, "reference", "reference");
        Assert.True(reference.ExitCode == 0, reference.Stdout + reference.Stderr);

        var runs = Directory.GetDirectories(Path.Combine(work, "reference", "runs")).Select(Path.GetFileName).ToArray();
        Assert.Equal(8, runs.Length);
        foreach (var run in runs)
        {
            foreach (var file in RunFiles)
                Assert.Equal(File.ReadAllBytes(Path.Combine(work, "reference", "runs", run!, file)), File.ReadAllBytes(Path.Combine(work, "orleans", "runs", run!, file)));
        }
        Assert.Equal(CsvWithoutWallTime(Path.Combine(work, "reference", "sweep.csv")), CsvWithoutWallTime(Path.Combine(work, "orleans", "sweep.csv")));
    }

    [Fact]
    public async Task A_rerun_redoes_only_unfinished_runs_and_rebuilds_the_same_sweep_csv()
    {
        var work = await NewWork();
        var first = await Sweep(work, "out", "reference");
        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        var runs = Path.Combine(work, "out", "runs");
        var csv = File.ReadAllLines(Path.Combine(work, "out", "sweep.csv"));
        var before = Directory.GetDirectories(runs).ToDictionary(d => Path.GetFileName(d)!, d => Directory.GetFiles(d).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes));
        var redoneRuns = new[] { "p001-r01", "p002-r00", "p003-r00" };

        // An interrupted run: its final folder never appeared, its temporary one is half written.
        Directory.Delete(Path.Combine(runs, "p001-r01"), recursive: true);
        var partial = Directory.CreateDirectory(Path.Combine(runs, ".p001-r01.partial-99999")).FullName;
        File.WriteAllText(Path.Combine(partial, "ticks.csv"), "tick,resource,trades\n0,data,");
        // A failed run keeps its files under .failed; a rerun tries it again.
        Directory.Move(Path.Combine(runs, "p002-r00"), Path.Combine(runs, "p002-r00.failed"));
        // A damaged run: a file its manifest lists is gone.
        File.Delete(Path.Combine(runs, "p003-r00", "devices.csv"));

        var second = await Sweep(work, "out", "reference");
        Assert.True(second.ExitCode == 0, second.Stdout + second.Stderr);

        Assert.Equal(before.Keys.Order(), Directory.GetFileSystemEntries(runs).Select(Path.GetFileName).Order());
        foreach (var (run, files) in before)
        {
            var now = Directory.GetFiles(Path.Combine(runs, run)).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes);
            Assert.Equal(files.Keys.Order(), now.Keys.Order());
            foreach (var file in RunFiles) Assert.Equal(files[file], now[file]);
            // The manifest records when a run was made: untouched exactly for the runs that were not redone.
            Assert.Equal(redoneRuns.Contains(run), !files["manifest.json"].SequenceEqual(now["manifest.json"]));
        }
        // The rebuilt table is the first one, but for the wall time of the runs made again.
        var redone = File.ReadAllLines(Path.Combine(work, "out", "sweep.csv"));
        Assert.Equal(csv.Length, redone.Length);
        for (var i = 0; i < csv.Length; i++)
        {
            if (redoneRuns.Any(run => csv[i].StartsWith(run + ",", StringComparison.Ordinal)))
                Assert.Equal(WithoutWallTime(csv[i]), WithoutWallTime(redone[i]));
            else
                Assert.Equal(csv[i], redone[i]);
        }
    }

    [Fact]
    public async Task A_different_sweep_in_the_same_folder_is_refused()
    {
        var work = await NewWork();
        var first = await Cli.Run(work, "sweep", "tiny.yaml", "--vary", "markets[0].fee=0,0.05", "--engine", "reference", "--out", "out");
        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        var plan = File.ReadAllBytes(Path.Combine(work, "out", "sweep.json"));

        var other = await Cli.Run(work, "sweep", "tiny.yaml", "--vary", "markets[0].fee=0,0.1", "--engine", "reference", "--out", "out");

        Assert.Equal(2, other.ExitCode);
        Assert.Contains("holds a different sweep", other.Stderr);
        Assert.Equal(plan, File.ReadAllBytes(Path.Combine(work, "out", "sweep.json")));
        Assert.Equal(["p000-r00", "p001-r00"], Directory.GetDirectories(Path.Combine(work, "out", "runs")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_finished_run_damaged_afterwards_leaves_no_table_behind_not_even_a_partial_one()
    {
        var work = await NewWork();
        var first = await Cli.Run(work, "sweep", "tiny.yaml", "--vary", "markets[0].fee=0,0.05", "--engine", "reference", "--out", "out");
        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        File.WriteAllText(Path.Combine(work, "out", "runs", "p001-r00", "ticks.csv"), "not,the,header\n");

        var again = await Cli.Run(work, "sweep", "tiny.yaml", "--vary", "markets[0].fee=0,0.05", "--engine", "reference", "--out", "out");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("p001-r00", again.Stderr);
        Assert.False(File.Exists(Path.Combine(work, "out", "sweep.csv")));
        Assert.Empty(Directory.GetFiles(Path.Combine(work, "out"), ".sweep.csv.partial-*"));
    }

    [Theory]
    [InlineData("devices.buyer.count=3,-1", "devices.buyer.count=-1")]
    [InlineData("markets[0].fee=0.1,1.5", "markets[0].fee=1.5")]
    [InlineData("devices.buyer.strategy=zi-c,alchemy", "devices.buyer.strategy=alchemy")]
    [InlineData("markets[0].fee=0:0.1:0", "--vary markets[0].fee: the step")]
    [InlineData("markets[0].fee=0.1:0:0.05", "--vary markets[0].fee: the range '0.1:0:0.05' is empty")]
    [InlineData("devices.buyer.count=1:20000:1", "--vary devices.buyer.count: the range '1:20000:1' has more than 10,000 values")]
    [InlineData("devices.robot.count=1,2", "no population has type 'robot'")]
    public async Task A_bad_vary_exits_2_naming_the_path_and_value_and_writes_nothing(string vary, string expected)
    {
        var work = await NewWork();
        var result = await Cli.Run(work, "sweep", "tiny.yaml", "--vary", vary, "--engine", "reference", "--out", "out");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout);
        Assert.Equal(["tiny.yaml"], Directory.EnumerateFileSystemEntries(work).Select(Path.GetFileName));
    }

    [Fact]
    public async Task No_trades_leaves_out_trades_csv_and_the_efficiency()
    {
        var work = await NewWork();
        var result = await Cli.Run(work, "sweep", "tiny.yaml", "--vary", "markets[0].fee=0,0.05", "--no-trades", "--engine", "reference", "--out", "out");
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);

        var (_, rows) = CsvTable.Read(Path.Combine(work, "out", "sweep.csv"));
        Assert.All(rows, r => Assert.Equal("", r["efficiency"]));
        Assert.All(rows, r => Assert.NotEqual("0", r["trades"]));
        Assert.All(Directory.GetDirectories(Path.Combine(work, "out", "runs")), d => Assert.False(File.Exists(Path.Combine(d, "trades.csv"))));
    }

    private static async Task<string> NewWork()
    {
        var work = Cli.NewTempDirectory();
        await File.WriteAllTextAsync(Path.Combine(work, "tiny.yaml"), Scenario);
        return work;
    }

    private static Task<Cli.Result> Sweep(string work, string output, string engine, params string[] more) =>
        Cli.Run(work, ["sweep", "tiny.yaml", .. Grid, "--engine", engine, "--out", output, .. more]);

    /// <summary>Everything but the wall time (the 9th column), which no rerun repeats.</summary>
    private static string WithoutWallTime(string line)
    {
        var fields = line.Split(',');
        return string.Join(",", fields.Where((_, i) => i != 8));
    }

    private static string[] CsvWithoutWallTime(string path) => File.ReadAllLines(path).Select(WithoutWallTime).ToArray();
}
