using MathNet.Numerics.Statistics;
using M2MSim.Analysis.Results;

namespace M2MSim.Analysis.Metrics;

/// <summary>A market over a whole run, from ticks.csv alone.</summary>
/// <param name="MeanPrice">Volume-weighted mean price over the run.</param>
/// <param name="PriceStdDev">Standard deviation of the per-tick mean price over ticks that traded.</param>
public sealed record MarketSummary(string Resource, long Trades, long Volume, double MeanPrice, double PriceStdDev, double MinPrice, double MaxPrice)
{
    public static IReadOnlyList<MarketSummary> Of(IReadOnlyList<TickRecord> ticks) =>
        ticks.GroupBy(t => t.Resource).Select(g =>
        {
            var traded = g.Where(t => t.Volume > 0).ToArray();
            var volume = g.Sum(t => t.Volume);
            var prices = traded.Select(t => (double)t.MeanPrice).ToArray();
            var stats = new DescriptiveStatistics(prices);
            return new MarketSummary(g.Key, g.Sum(t => (long)t.Trades), volume,
                volume == 0 ? 0 : (double)(traded.Sum(t => t.MeanPrice * t.Volume) / volume),
                prices.Length > 1 ? stats.StandardDeviation : 0,
                prices.Length > 0 ? stats.Minimum : 0,
                prices.Length > 0 ? stats.Maximum : 0);
        }).ToArray();
}
