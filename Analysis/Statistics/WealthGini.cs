using M2MSim.Economy.Metrics;

namespace M2MSim.Analysis.Statistics;

/// <summary>
/// Gini of amounts read from the CSV files (money units with six decimals), by the economy's own
/// definition (<see cref="Gini"/>, the one behind ticks.csv's gini column) on exact micro-units.
/// </summary>
public static class WealthGini
{
    public static double Of(IEnumerable<decimal> amounts) =>
        Gini.OfSorting(amounts.Select(a => decimal.ToInt64(decimal.Round(a * 1_000_000m))).ToArray());
}
