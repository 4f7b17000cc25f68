using System.Globalization;
using M2MSim.Analysis.Metrics;

namespace M2MSim.Simulator.Tests;

/// <summary>The validation suite's machinery: runs, checks, files and exit code.</summary>
public sealed class ReproduceTests
{
    private static readonly string Scenarios = Path.Combine(Cli.RepoRoot, "scenarios", "validation");

    [Fact]
    public async Task The_call_market_experiment_passes_and_writes_its_files()
    {
        var work = Cli.NewTempDirectory();
        var result = await Cli.Run(work, "reproduce", "--engine", "reference", "--experiment", "call-market-equilibrium", "--scenarios", Scenarios, "--out", "v");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var rows = File.ReadAllLines(Path.Combine(work, "v", "validation.csv"));
        Assert.Equal("experiment,metric,published,measured,tolerance,pass", rows[0]);
        Assert.Equal(3, rows.Length - 1);
        Assert.All(rows.Skip(1), r => Assert.EndsWith(",true", r));
        Assert.Equal(3, Directory.GetDirectories(Path.Combine(work, "v", "runs", "call-market-equilibrium")).Length);
        Assert.Contains("| traded quantity / Q0 (worst period) | 1 | 1 | = 1 | yes |", File.ReadAllText(Path.Combine(work, "v", "validation.md")));
    }

    [Fact]
    public async Task The_whole_suite_reports_every_experiment_and_exits_1_exactly_when_a_check_fails()
    {
        var work = Cli.NewTempDirectory();
        var result = await Cli.Run(work, "reproduce", "--scenarios", Scenarios, "--out", "v", "--parallel", "4");

        var rows = File.ReadAllLines(Path.Combine(work, "v", "validation.csv")).Skip(1).Select(r => r.Split(',')).ToArray();
        Assert.Equal(["boltzmann-gibbs", "call-market-equilibrium", "faratin-negotiation", "gode-sunder-zi", "vickrey-tender", "zip-convergence"], rows.Select(r => r[0]).Distinct().Order());
        Assert.Equal(rows.Any(r => r[^1] == "false") ? 1 : 0, result.ExitCode);

        // The reported ZI-C efficiency is the mean of what Analysis measures on the run folders.
        var folders = Directory.GetDirectories(Path.Combine(work, "v", "runs", "gode-sunder-zi"), "zi-c-r*");
        Assert.Equal(20, folders.Length);
        var measured = folders.Select(MarketMetrics.ForRun)
            .Average(m => (double)(m.Sum(p => p.RealisedSurplus) / m.Sum(p => p.MaxSurplus!.Value)));
        var reported = double.Parse(rows.Single(r => r[1] == "ZI-C allocative efficiency")[3], CultureInfo.InvariantCulture);
        Assert.Equal(measured, reported, 5);

        // So is the Boulware buyer's share of the surplus, from the negotiated deals in trades.csv.
        var shares = Directory.GetDirectories(Path.Combine(work, "v", "runs", "faratin-negotiation"), "boulware-conceder-r*")
            .Select(f => NegotiationSummary.ForRun(f).BuyerShare).ToArray();
        Assert.Equal(10, shares.Length);
        var share = double.Parse(rows.Single(r => r[1].StartsWith("Boulware buyer's share", StringComparison.Ordinal))[3], CultureInfo.InvariantCulture);
        Assert.Equal(shares.Average(), share, 5);
    }

    [Fact]
    public async Task The_vickrey_tender_experiment_passes_on_the_reference_engine_with_every_arm_replicated()
    {
        var work = Cli.NewTempDirectory();
        var result = await Cli.Run(work, "reproduce", "--engine", "reference", "--experiment", "vickrey-tender", "--scenarios", Scenarios, "--out", "v");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var rows = File.ReadAllLines(Path.Combine(work, "v", "validation.csv")).Skip(1).ToArray();
        Assert.Equal(6, rows.Length);
        Assert.All(rows, r => Assert.EndsWith(",true", r));
        var runs = Directory.GetDirectories(Path.Combine(work, "v", "runs", "vickrey-tender")).Select(Path.GetFileName).ToArray();
        foreach (var arm in new[] { "vickrey-truthful", "vickrey-under", "vickrey-over", "first-truthful", "first-over" })
            Assert.Equal(40, runs.Count(r => r!.StartsWith(arm + "-r", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_unknown_experiment_is_bad_input()
    {
        var work = Cli.NewTempDirectory();
        var result = await Cli.Run(work, "reproduce", "--experiment", "alchemy", "--scenarios", Scenarios);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown experiment(s) alchemy", result.Stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
    }
}
