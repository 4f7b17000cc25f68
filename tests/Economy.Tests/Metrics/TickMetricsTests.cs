using M2MSim.Economy.Markets;
using M2MSim.Economy.Metrics;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Tests.Metrics;

public sealed class TickMetricsTests
{
    private static MarketClearing Clearing(Resource resource, long bestBid, long bestAsk, params Trade[] trades) =>
        new(resource, trades, [], bestBid, bestAsk, []);

    [Fact]
    public void Rows_follow_the_clearings_and_sum_their_trades()
    {
        var compute = Clearing(Resource.Compute, 90, 110,
            new Trade(4, Resource.Compute, 0, 1, 2, 3, 100, 1),
            new Trade(4, Resource.Compute, 1, 3, 2, 2, 105, 2));
        var data = Clearing(Resource.Data, 0, 0);
        long[] wealth = [0, 0, 0, 400];

        var report = TickMetrics.Build(4, [compute, data], wealth, feesTotal: 17, activeDevices: 3, keepTrades: true);

        Assert.Equal(4, report.Tick);
        Assert.Equal([Resource.Compute, Resource.Data], report.Rows.Select(r => r.Resource));
        var c = report.Rows[0];
        Assert.Equal((2, 5L, 3L), (c.Trades, c.Volume, c.Fees));
        Assert.Equal(102, c.MeanPrice); // (300 + 210) / 5 = 102
        Assert.Equal((90L, 110L), (c.BestBid, c.BestAsk));
        var d = report.Rows[1];
        Assert.Equal((0, 0L, 0L, 0L), (d.Trades, d.Volume, d.MeanPrice, d.Fees));
        Assert.All(report.Rows, r =>
        {
            Assert.Equal(400, r.MoneySupply);
            Assert.Equal(17, r.FeesTotal);
            Assert.Equal(0.75, r.Gini, 12); // one of four holds everything
            Assert.Equal(3, r.ActiveDevices);
        });
        Assert.Equal(compute.Trades, report.Trades);
    }

    [Fact]
    public void The_mean_price_is_volume_weighted_and_rounded_half_to_even()
    {
        // (1 × 10 + 1 × 11) / 2 = 10.5 → 10; (1 × 11 + 1 × 12) / 2 = 11.5 → 12.
        var a = TickMetrics.Build(0, [Clearing(Resource.Compute, 0, 0, new Trade(0, Resource.Compute, 0, 1, 2, 1, 10, 0), new Trade(0, Resource.Compute, 1, 1, 2, 1, 11, 0))], [1], 0, 1, false);
        var b = TickMetrics.Build(0, [Clearing(Resource.Compute, 0, 0, new Trade(0, Resource.Compute, 0, 1, 2, 1, 11, 0), new Trade(0, Resource.Compute, 1, 1, 2, 1, 12, 0))], [1], 0, 1, false);
        Assert.Equal(10, a.Rows[0].MeanPrice);
        Assert.Equal(12, b.Rows[0].MeanPrice);
    }

    [Fact]
    public void Trades_are_dropped_when_not_kept()
    {
        var report = TickMetrics.Build(0, [Clearing(Resource.Bandwidth, 0, 0, new Trade(0, Resource.Bandwidth, 0, 1, 2, 1, 10, 0))], [5, 5], 0, 2, keepTrades: false);
        Assert.Empty(report.Trades);
        Assert.Equal(1, report.Rows[0].Trades);
    }
}
