using System.Globalization;

namespace M2MSim.Simulator.Tests;

/// <summary>scenarios/idle-compute.yaml gives the outcome its header promises: idle compute is committed and rewarded, and more demand uses more of it.</summary>
public sealed class IdleComputeTests
{
    private static readonly string Scenario = Path.Combine(Cli.RepoRoot, "scenarios", "idle-compute.yaml");

    [Fact]
    public async Task Unsold_compute_is_committed_to_the_network_and_rewarded_and_more_demand_sells_more_of_it()
    {
        var work = Cli.NewTempDirectory();
        var written = await Cli.Run(work, "run", Scenario, "--out", "written", "--no-dashboard");
        var doubled = await Cli.Run(work, "run", Scenario, "--out", "doubled", "--no-dashboard", "--set", "devices.car.count=1200");
        Assert.True(written.ExitCode == 0, written.Stdout + written.Stderr);
        Assert.True(doubled.ExitCode == 0, doubled.Stdout + doubled.Stderr);

        var low = EdgeServers(Path.Combine(work, "written"));
        var high = EdgeServers(Path.Combine(work, "doubled"));
        Assert.True(low.Sold < 0.5 * low.Produced, $"sold {low.Sold} of {low.Produced}");
        // Compute is sold or committed, never both: only the last active tick's leftover is neither.
        Assert.InRange(low.Sold + low.Committed, 0.97 * low.Produced, low.Produced);
        Assert.True(low.Rewards > 0.5m * low.Surplus, $"rewards {low.Rewards}, trading surplus {low.Surplus}");
        Assert.True(high.Sold > 1.3 * low.Sold, $"sold {high.Sold} with twice the cars, {low.Sold} as written");
        Assert.True(high.Committed < low.Committed);

        // The pool paid out what it lost, most of it early, and money was conserved with it counted.
        var (_, ticks) = CsvTable.Read(Path.Combine(work, "written", "ticks.csv"));
        var fund = 5000m;
        foreach (var r in ticks) Assert.Equal(fund, Number(r, "reward_pool") + Number(r, "rewards_total"));
        Assert.True(Number(ticks[19], "rewards_total") > 0.5m * Number(ticks[^1], "rewards_total"));
        Assert.Single(ticks.Select(r => new[] { "money_supply", "in_flight", "fees_total", "reward_pool" }.Sum(c => Number(r, c))).Distinct());
    }

    /// <summary>The edge servers' compute: produced (40 a tick each), sold, committed; their rewards and trading surplus.</summary>
    private static (long Produced, long Sold, long Committed, decimal Rewards, decimal Surplus) EdgeServers(string run)
    {
        var (_, devices) = CsvTable.Read(Path.Combine(run, "devices.csv"));
        var edge = devices.Where(d => d["type"] == "edge-server").ToArray();
        return (edge.Length * 40L * 100, edge.Sum(d => long.Parse(d["sold_compute"], CultureInfo.InvariantCulture)),
            edge.Sum(d => long.Parse(d["committed_compute"], CultureInfo.InvariantCulture)),
            edge.Sum(d => Number(d, "rewards")), edge.Sum(d => Number(d, "surplus")));
    }

    private static decimal Number(Dictionary<string, string> row, string column) => decimal.Parse(row[column], CultureInfo.InvariantCulture);
}
