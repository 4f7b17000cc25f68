namespace M2MSim.Analysis.Results;

public static class TickRecords
{
    /// <summary>
    /// One row per tick: the economy-wide columns (money, Gini, the ledger's) are the same on every
    /// market row of a tick, so the first row stands for the tick.
    /// </summary>
    public static TickRecord[] OnePerTick(this IEnumerable<TickRecord> ticks) => ticks.GroupBy(t => t.Tick).Select(g => g.First()).ToArray();
}
