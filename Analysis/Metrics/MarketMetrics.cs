using M2MSim.Analysis.Results;

namespace M2MSim.Analysis.Metrics;

/// <summary>Allocative efficiency, Smith's α and losses per market and trading period, from trades.csv and manifest.json.</summary>
public static class MarketMetrics
{
    public static IReadOnlyList<PeriodMetrics> ForRun(string folder)
    {
        RunFolderReader.RequireCompleted(folder);
        return Compute(RunManifest.Read(folder), RunFolderReader.ReadTrades(folder));
    }

    public static IReadOnlyList<PeriodMetrics> Compute(RunManifest manifest, IEnumerable<TradeRecord> trades)
    {
        var groups = new SortedDictionary<(string Resource, int Period), List<TradeRecord>>();
        foreach (var t in trades)
        {
            var key = (t.Resource, manifest.PeriodOf(t.Tick));
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add(t);
        }
        // Periods in which a market with an equilibrium traded nothing still count: efficiency 0.
        foreach (var e in manifest.Equilibria)
        {
            for (var p = e.FromPeriod; p <= Math.Min(e.ToPeriod, manifest.Periods - 1); p++) groups.TryAdd((e.Resource, p), []);
        }
        return groups.Select(g => Measure(g.Key.Resource, g.Key.Period, g.Value, manifest.EquilibriumFor(g.Key.Resource, g.Key.Period))).ToArray();
    }

    private static PeriodMetrics Measure(string resource, int period, List<TradeRecord> trades, EquilibriumRecord? equilibrium)
    {
        long units = trades.Sum(t => (long)t.Quantity);
        var surplus = trades.Sum(t => t.Surplus);
        var meanPrice = units == 0 ? 0 : trades.Sum(t => t.Price * t.Quantity) / units;
        var losses = trades.Count(t => t.Price > t.BuyerValue || t.Price * t.Quantity - t.Fee < t.SellerCost * t.Quantity);

        double? efficiency = null, alpha = null;
        if (equilibrium is not null)
        {
            efficiency = equilibrium.MaxSurplus > 0 ? (double)(surplus / equilibrium.MaxSurplus) : null;
            if (units > 0 && equilibrium.P0 > 0)
            {
                var p0 = (double)equilibrium.P0;
                var squares = trades.Sum(t => t.Quantity * Math.Pow((double)t.Price - p0, 2));
                alpha = 100 * Math.Sqrt(squares / units) / p0;
            }
        }
        return new PeriodMetrics(resource, period, trades.Count, units, meanPrice, surplus, equilibrium?.MaxSurplus, equilibrium?.P0,
            equilibrium?.Q0, efficiency, alpha, losses);
    }
}
