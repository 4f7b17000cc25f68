using System.Globalization;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Simulator.Tests;

/// <summary>scenarios/trust.yaml gives the outcome its header promises: reputation protects buyers from dishonest sellers.</summary>
public sealed class TrustScenarioTests
{
    private static readonly string Trust = Path.Combine(Cli.RepoRoot, "scenarios", "trust.yaml");

    [Fact]
    public async Task With_reputation_buyers_lose_fewer_payments_to_dishonest_sellers_and_keep_more_surplus()
    {
        var work = Cli.NewTempDirectory();
        var wary = await Cli.Run(work, "run", Trust, "--out", "wary", "--no-dashboard");
        var naive = await Cli.Run(work, "run", Trust, "--out", "naive", "--no-dashboard", "--set", "devices.buyer.reputation=false");
        Assert.True(wary.ExitCode == 0, wary.Stdout + wary.Stderr);
        Assert.True(naive.ExitCode == 0, naive.Stdout + naive.Stderr);

        var (waryShare, waryWorst, warySurplus) = Losses(Path.Combine(work, "wary"));
        var (naiveShare, naiveWorst, naiveSurplus) = Losses(Path.Combine(work, "naive"));
        Assert.True(waryShare < 0.75 * naiveShare, $"undelivered: {waryShare:P1} with reputation, {naiveShare:P1} without");
        Assert.True(warySurplus > naiveSurplus, $"buyers' surplus {warySurplus} with reputation, {naiveSurplus} without");

        var builder = new PopulationBuilder(ScenarioLoader.Load(Trust));
        var dishonest = Enumerable.Range(0, builder.DeviceCount).Select(builder.Build).Count(s => s.Dishonest);
        Assert.InRange(waryWorst, 1, dishonest);
        Assert.True(naiveWorst > dishonest, $"without reputation the worst buyer lost {naiveWorst} payments to {dishonest} dishonest sellers");

        // The faults really happened, and money was conserved at every tick all the same.
        var (_, ticks) = CsvTable.Read(Path.Combine(work, "wary", "ticks.csv"));
        Assert.True(ticks.Sum(r => int.Parse(r["lost_messages"], CultureInfo.InvariantCulture)) > 50);
        Assert.True(ticks.Average(r => int.Parse(r["offline_devices"], CultureInfo.InvariantCulture)) > 2);
        var supply = ticks.Select(r => new[] { "money_supply", "in_flight", "fees_total" }.Sum(c => decimal.Parse(r[c], CultureInfo.InvariantCulture))).Distinct();
        Assert.Single(supply);
    }

    /// <summary>Buyers' payments for units never delivered (deals in trades.csv less units bought): share, worst buyer; buyers' surplus.</summary>
    private static (double Share, int Worst, decimal Surplus) Losses(string run)
    {
        var (_, trades) = CsvTable.Read(Path.Combine(run, "trades.csv"));
        var (_, devices) = CsvTable.Read(Path.Combine(run, "devices.csv"));
        var deals = trades.GroupBy(t => t["buyer"]).ToDictionary(g => g.Key, g => g.Count());
        var buyers = devices.Where(d => d["type"] == "buyer").ToArray();
        var lost = buyers.Select(b => deals.GetValueOrDefault(b["device"]) - int.Parse(b["bought_data"], CultureInfo.InvariantCulture)).ToArray();
        return (lost.Sum() / (double)deals.Values.Sum(), lost.Max(), buyers.Sum(b => decimal.Parse(b["surplus"], CultureInfo.InvariantCulture)));
    }
}
