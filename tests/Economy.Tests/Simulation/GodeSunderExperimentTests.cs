using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Equilibrium;
using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Economy.Tests.Simulation;

/// <summary>
/// A Gode &amp; Sunder (1993) style market on the reference engine: 6 buyers and 6 sellers with 4 units
/// each, values and costs on 1..200, a continuous double auction, trading periods of 30 ticks.
/// </summary>
public sealed class GodeSunderExperimentTests
{
    private const int Periods = 4, PeriodLength = 30;

    /// <summary>Buyer b's unit u is worth 200 − 8 (6u + b); seller s's unit u costs 10 + 8 (6u + s): Q0 = 12.</summary>
    private static Scenario Market(string strategy, ulong seed)
    {
        var devices = new List<string>();
        for (var b = 0; b < 6; b++)
            devices.Add($"  - {{type: b{b}, count: 1, strategy: {strategy}, wallet: 4000, buys: {{data: [{string.Join(", ", Enumerable.Range(0, 4).Select(u => 200 - 8 * (6 * u + b)))}]}}}}");
        for (var s = 0; s < 6; s++)
            devices.Add($"  - {{type: s{s}, count: 1, strategy: {strategy}, sells: {{data: [{string.Join(", ", Enumerable.Range(0, 4).Select(u => 10 + 8 * (6 * u + s)))}]}}}}");
        return ScenarioLoader.Parse($$"""
            name: gode-sunder
            seed: {{seed}}
            ticks: {{Periods * PeriodLength}}
            periods: {length: {{PeriodLength}}}
            markets: [{resource: data, price_range: [1, 200]}]
            devices:
            {{string.Join("\n", devices)}}
            """, "gs.yaml");
    }

    /// <summary>Realised surplus (Σ buyer value − seller cost over trades) over the maximum, per period, averaged.</summary>
    private static double MeanEfficiency(Scenario scenario, out bool anyLoss)
    {
        var equilibrium = Assert.Single(CompetitiveEquilibrium.Of(scenario));
        Assert.Equal((0, Periods - 1, 12L), (equilibrium.FromPeriod, equilibrium.ToPeriod, equilibrium.Point.Q0));
        Assert.Equal((Int128)1_224_000_000, equilibrium.Point.MaxSurplus); // Σ over k < 12 of (190 − 16k)

        var run = SimulationRun.Execute(scenario);
        var realised = new long[Periods];
        anyLoss = false;
        foreach (var t in run.Reports.SelectMany(r => r.Trades))
        {
            realised[t.Tick / PeriodLength] += (t.BuyerValue - t.SellerCost) * t.Quantity;
            anyLoss |= t.Price > t.BuyerValue || t.Price < t.SellerCost;
        }
        return realised.Average(r => r / (double)equilibrium.Point.MaxSurplus);
    }

    [Fact]
    public void Zi_c_traders_reach_high_allocative_efficiency_without_losses()
    {
        var efficiencies = new List<double>();
        foreach (var seed in new ulong[] { 1, 2, 3, 4, 5, 6 })
        {
            efficiencies.Add(MeanEfficiency(Market("zi-c", seed), out var anyLoss));
            Assert.False(anyLoss, "a ZI-C trader never trades at a loss");
        }
        Assert.All(efficiencies, e => Assert.InRange(e, 0, 1));
        Assert.True(efficiencies.Average() >= 0.9, $"mean efficiency {efficiencies.Average():F3} ({string.Join(", ", efficiencies.Select(e => e.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))})");
    }

    [Fact]
    public void Zi_u_traders_trade_at_a_loss_and_lose_efficiency()
    {
        var ziU = new ulong[] { 1, 2, 3 }.Select(seed => (Efficiency: MeanEfficiency(Market("zi-u", seed), out var loss), Loss: loss)).ToArray();
        var ziC = new ulong[] { 1, 2, 3 }.Average(seed => MeanEfficiency(Market("zi-c", seed), out _));
        Assert.Contains(ziU, r => r.Loss);
        Assert.True(ziU.Average(r => r.Efficiency) < ziC, $"ZI-U {ziU.Average(r => r.Efficiency):F3} vs ZI-C {ziC:F3}");
    }

    [Fact]
    public void Every_period_restores_the_endowment()
    {
        var run = SimulationRun.Execute(Market("truthful", 1));
        var perPeriod = run.Reports.GroupBy(r => r.Tick / PeriodLength).Select(g => g.SelectMany(r => r.Trades).Sum(t => t.Quantity)).ToArray();
        // Truthful traders trade every unit with value ≥ cost each period, and no more than 24 units.
        Assert.Equal(Periods, perPeriod.Length);
        Assert.All(perPeriod, q => Assert.InRange(q, 1, 24));
        Assert.All(perPeriod, q => Assert.Equal(perPeriod[0], q));
    }
}
