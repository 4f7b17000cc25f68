using M2MSim.Economy.Markets;
using M2MSim.Economy.Money;

namespace M2MSim.Economy.Metrics;

/// <summary>
/// Builds a tick's report from what both engines have at the barrier: the markets' clearings in
/// market order and the wealth of every device. One function, so the engines agree by construction.
/// </summary>
public static class TickMetrics
{
    /// <summary>Sorts <paramref name="wealth"/> for its Gini coefficient.</summary>
    public static TickReport Build(int tick, IReadOnlyList<MarketClearing> clearings, long[] wealth, long feesTotal, int activeDevices, bool keepTrades, long inFlight = 0, int offline = 0, int lost = 0, LedgerFigures ledger = default) =>
        Build(tick, clearings, Supply(wealth), Gini.OfSorting(wealth), feesTotal, activeDevices, keepTrades, inFlight, offline, lost, ledger);

    /// <summary>The report, given the devices' total wealth and its Gini coefficient, computed by the caller.</summary>
    public static TickReport Build(int tick, IReadOnlyList<MarketClearing> clearings, long supply, double gini, long feesTotal, int activeDevices, bool keepTrades, long inFlight = 0, int offline = 0, int lost = 0, LedgerFigures ledger = default)
    {
        var rows = new TickRow[clearings.Count];
        var trades = new List<Trade>();
        for (var m = 0; m < clearings.Count; m++)
        {
            var c = clearings[m];
            long volume = 0, notional = 0, fees = 0;
            foreach (var t in c.Trades)
            {
                volume += t.Quantity;
                notional = checked(notional + t.Price * t.Quantity);
                fees += t.Fee;
            }
            var resource = c.Resource;
            rows[m] = new TickRow(tick, resource, c.Trades.Length, volume, volume == 0 ? 0 : Micros.DivRound(notional, volume),
                c.BestBid, c.BestAsk, fees, supply, feesTotal, gini, activeDevices, inFlight, offline, lost, ledger);
            if (keepTrades) trades.AddRange(c.Trades);
        }
        return new TickReport(tick, rows, trades.ToArray());
    }

    /// <summary>
    /// The devices' total wealth. A checked sum: the scenario limits bound the money supply, and with
    /// it a tick's notional, by 10^18 micro-units; anything beyond is a broken invariant and must not
    /// wrap into a report.
    /// </summary>
    public static long Supply(ReadOnlySpan<long> wealth)
    {
        long supply = 0;
        foreach (var w in wealth) supply = checked(supply + w);
        return supply;
    }
}
