using System.Globalization;

namespace M2MSim.Analysis.Tests;

/// <summary>The README's research loop end to end: a real sweep with replications, then its comparison.</summary>
public sealed class SweepToCompareTests
{
    [Fact]
    public async Task Compare_reads_what_the_sweep_command_writes()
    {
        var work = Cli.NewTempDirectory();
        var sweep = Path.Combine(work, "tactics");
        var ran = await Cli.Simulator("sweep", "scenarios/validation/negotiation.yaml", "--engine", "reference", "--ticks", "60",
            "--vary", "devices.buyer.strategy.kind=boulware,conceder", "--vary", "devices.buyer.count=10,20", "--replications", "3", "--out", sweep);
        Assert.True(ran.ExitCode == 0, ran.Stdout + ran.Stderr);

        var compared = await Cli.Analysis("compare", sweep, "--metric", "trades", "--metric", "mean_price_data");
        Assert.True(compared.ExitCode == 0, compared.Stdout + compared.Stderr);

        // The mean of a parameter level is the mean over the sweep.csv rows at that level.
        var runs = CsvRows(Path.Combine(sweep, "sweep.csv"));
        var rows = CsvRows(Path.Combine(sweep, "compare", "compare.csv"));
        foreach (var kind in new[] { "boulware", "conceder" })
        {
            var expected = runs.Where(r => r["devices.buyer.strategy.kind"] == kind).Average(r => double.Parse(r["trades"], CultureInfo.InvariantCulture));
            var row = rows.Single(r => r["metric"] == "trades" && r["scope"] == "parameter" && r["devices.buyer.strategy.kind"] == kind);
            Assert.Equal(expected, double.Parse(row["mean"], CultureInfo.InvariantCulture), 9);
            Assert.Equal("6", row["n"]);
        }
        // Two settings of each parameter: a Welch test for each metric and parameter.
        var tests = CsvRows(Path.Combine(sweep, "compare", "compare-tests.csv"));
        Assert.Equal(4, tests.Count);
        // Paired by the other parameter's value and the replication: 2 buyer counts × 3 replications.
        Assert.Equal("6", tests.Single(t => t["metric"] == "trades" && t["parameter"] == "devices.buyer.strategy.kind")["paired_n"]);
    }

    [Fact]
    public async Task A_numeric_parameter_with_three_values_gets_a_linear_trend_over_every_run()
    {
        var work = Cli.NewTempDirectory();
        var sweep = Path.Combine(work, "buyers");
        var ran = await Cli.Simulator("sweep", "scenarios/validation/negotiation.yaml", "--engine", "reference", "--ticks", "30",
            "--vary", "devices.buyer.count=5:15:5", "--replications", "2", "--out", sweep);
        Assert.True(ran.ExitCode == 0, ran.Stdout + ran.Stderr);
        var compared = await Cli.Analysis("compare", sweep, "--metric", "trades");
        Assert.True(compared.ExitCode == 0, compared.Stdout + compared.Stderr);

        var runs = CsvRows(Path.Combine(sweep, "sweep.csv"));
        var x = runs.Select(r => double.Parse(r["devices.buyer.count"], CultureInfo.InvariantCulture)).ToArray();
        var y = runs.Select(r => double.Parse(r["trades"], CultureInfo.InvariantCulture)).ToArray();
        var expected = M2MSim.Analysis.Statistics.LinearTrend.Of(x, y)!;
        var trend = Assert.Single(CsvRows(Path.Combine(sweep, "compare", "compare-trends.csv")));
        Assert.Equal(("trades", "devices.buyer.count", "6"), (trend["metric"], trend["parameter"], trend["n"]));
        Assert.Equal(expected.Slope, double.Parse(trend["slope"], CultureInfo.InvariantCulture), 12);
        Assert.True(expected.Slope > 0, "more buyers, more deals"); // 20 sellers: every added buyer can find one
        Assert.Contains("Linear trend over 6 runs", File.ReadAllText(Path.Combine(sweep, "compare", "compare.html")), StringComparison.Ordinal);
    }

    private static List<Dictionary<string, string>> CsvRows(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
