using System.Globalization;

namespace M2MSim.Analysis.Tests;

public sealed class CompareCommandTests
{
    [Fact]
    public async Task Compare_writes_means_intervals_and_the_Welch_p_value()
    {
        var sweep = SweepFolder.Write();

        var result = await Cli.Analysis("compare", sweep);

        Assert.Equal(0, result.ExitCode);
        var output = Path.Combine(sweep, "compare");
        var means = Csv(Path.Combine(output, "compare.csv"));
        var low = means.Single(r => r["metric"] == "trades" && r["scope"] == "parameter" && r["markets[0].fee"] == "0.01");
        var high = means.Single(r => r["metric"] == "trades" && r["scope"] == "parameter" && r["markets[0].fee"] == "0.02");
        // 0.01: n = 6, mean 20.4, s² = 1.84; t(0.975, 5) = 2.571 (tables).
        Assert.Equal("6", low["n"]);
        Assert.Equal(20.4, Number(low["mean"]), 10);
        Assert.Equal(20.4 - 2.5706 * Math.Sqrt(1.84 / 6), Number(low["ci95_low"]), 3);
        Assert.Equal(20.4 + 2.5706 * Math.Sqrt(1.84 / 6), Number(low["ci95_high"]), 3);
        // 0.02: the failed run is counted but left out: n = 5.
        Assert.Equal(("6", "1", "5"), (high["runs"], high["failed"], high["n"]));
        Assert.Equal(23.74, Number(high["mean"]), 10);
        // The one-valued parameter pools every completed run; the empty efficiency column has no values.
        Assert.Equal("11", means.Single(r => r["metric"] == "trades" && r["scope"] == "parameter" && r["devices.car.count"] == "1000")["n"]);
        Assert.All(means.Where(r => r["metric"] == "efficiency"), r => Assert.Equal(("0", ""), (r["n"], r["mean"])));
        Assert.Equal(2, means.Count(r => r["metric"] == "trades" && r["scope"] == "point"));

        var test = Csv(Path.Combine(output, "compare-tests.csv")).Single(r => r["metric"] == "trades");
        Assert.Equal(StatisticsTests.WelchP, Number(test["welch_p"]), 6);
        Assert.Equal(StatisticsTests.WelchDf, Number(test["welch_df"]), 8);

        var html = File.ReadAllText(Path.Combine(output, "compare.html"));
        Assert.Contains("p = 0.0019", html);
        Assert.Contains("data:image/png;base64,", html);
        Assert.True(File.Exists(Path.Combine(output, "trades-by-markets_0_.fee.png")));
        Assert.DoesNotContain("efficiency-by-", string.Join(" ", Directory.GetFiles(output)));
    }

    [Fact]
    public async Task Compare_with_chosen_metrics_and_one_replication_says_there_is_no_interval()
    {
        var sweep = Cli.NewTempDirectory();
        File.WriteAllText(Path.Combine(sweep, "sweep.json"), """{"replications": 1, "vary": [{"path": "strategy", "values": ["zi-c", "zip"]}]}""");
        File.WriteAllText(Path.Combine(sweep, "sweep.csv"),
            "run,point,replication,seed,strategy,outcome,ticks,wall_seconds,trades,volume\n" +
            "a,0,0,1,zi-c,completed,5,0.1,7,9\nb,1,0,2,zip,completed,5,0.1,8,9\n");
        var output = Path.Combine(Cli.NewTempDirectory(), "out");

        var result = await Cli.Analysis("compare", sweep, "--metric", "trades", "--out", output);

        Assert.Equal(0, result.ExitCode);
        var html = File.ReadAllText(Path.Combine(output, "compare.html"));
        Assert.Contains("n = 1: no interval", html);
        Assert.Contains("Welch&#39;s t-test, strategy = zi-c vs zip: not possible", html);
        Assert.DoesNotContain("volume", Csv(Path.Combine(output, "compare.csv")).Select(r => r["metric"]));
    }

    [Theory]
    [InlineData("no-json", "sweep.json: missing")]
    [InlineData("bad-header", "sweep.csv: missing column(s) markets[0].fee")]
    [InlineData("unfinished", "sweep.csv: 10 of 12 runs")]
    [InlineData("unknown-metric", "no metric column nonsense")]
    public async Task Bad_sweep_folders_exit_2_naming_the_file_and_write_nothing(string fault, string message)
    {
        var sweep = fault switch
        {
            "no-json" => SweepFolder.Write(json: null),
            "bad-header" => SweepFolder.Write(header: SweepFolder.Header.Replace("markets[0].fee", "fee")),
            "unfinished" => SweepFolder.Write(dropRows: 2),
            _ => SweepFolder.Write(),
        };
        var args = fault == "unknown-metric" ? new[] { "compare", sweep, "--metric", "nonsense" } : new[] { "compare", sweep };

        var result = await Cli.Analysis(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(sweep, "compare")));
        Assert.Empty(Directory.GetDirectories(sweep));
    }

    internal static List<Dictionary<string, string>> Csv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        return rows;
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
