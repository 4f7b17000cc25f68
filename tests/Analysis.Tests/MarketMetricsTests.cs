using M2MSim.Analysis.Metrics;
using M2MSim.Analysis.Results;

namespace M2MSim.Analysis.Tests;

public sealed class MarketMetricsTests
{
    // Two periods of 10 ticks; equilibrium P0 = 100, Q0 = 3, max surplus 90 in both.
    private static readonly RunManifest Manifest = new(1, 20, 10, [new EquilibriumRecord("data", 0, 1, 100m, 3, 90m)]);

    private static TradeRecord Trade(int tick, decimal price, decimal value, decimal cost, int quantity = 1, decimal fee = 0) =>
        new(tick, "data", 0, 1, 2, quantity, price, fee, value, cost);

    [Fact]
    public void Efficiency_is_realised_over_maximum_surplus_per_period()
    {
        var metrics = MarketMetrics.Compute(Manifest, [Trade(0, 100, 140, 70), Trade(3, 95, 120, 90), Trade(12, 110, 140, 70)]);

        var first = metrics.Single(m => m.Period == 0);
        var second = metrics.Single(m => m.Period == 1);
        Assert.Equal(70 + 30, first.RealisedSurplus);
        Assert.Equal(100 / 90.0, first.Efficiency!.Value, 12);
        Assert.Equal(70 / 90.0, second.Efficiency!.Value, 12);
        Assert.Equal(2, first.Trades);
    }

    [Fact]
    public void Smiths_alpha_is_the_relative_rms_deviation_from_p0_in_percent()
    {
        var metrics = MarketMetrics.Compute(Manifest, [Trade(0, 90, 200, 10), Trade(1, 110, 200, 10), Trade(2, 100, 200, 10, quantity: 2)]);

        // Units at 90, 110, 100, 100: mean square deviation (100 + 100 + 0 + 0) / 4 = 50.
        Assert.Equal(100 * Math.Sqrt(50) / 100, metrics.Single(m => m.Period == 0).SmithsAlpha!.Value, 12);
    }

    [Fact]
    public void Trades_at_a_loss_are_counted_on_either_side_including_the_fee()
    {
        var metrics = MarketMetrics.Compute(Manifest,
            [Trade(0, 100, 90, 50), Trade(1, 100, 150, 120), Trade(2, 100, 150, 99, fee: 2), Trade(3, 100, 150, 98, fee: 2)]);

        // Buyer over value; seller under cost; seller under cost + fee; the last one breaks even.
        Assert.Equal(3, metrics.Single(m => m.Period == 0).LossTrades);
    }

    [Fact]
    public void A_period_without_trades_has_zero_efficiency_and_no_alpha()
    {
        var metrics = MarketMetrics.Compute(Manifest, [Trade(0, 100, 140, 70)]);

        var idle = metrics.Single(m => m.Period == 1);
        Assert.Equal(0, idle.Efficiency);
        Assert.Null(idle.SmithsAlpha);
    }
}
