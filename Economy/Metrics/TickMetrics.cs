using M2MSim.Economy.Markets;
using M2MSim.Economy.Money;

namespace M2MSim.Economy.Metrics;

/// <summary>
/// Builds a tick's report from what both engines have at the barrier: the markets' clearings in
/// market order and the wealth of every device. One function, so the engines agree by construction.
/// </summary>
public static class TickMetrics
{
    public static TickReport Build(int tick, IReadOnlyList<MarketClearing> clearings, long[] wealth, long feesTotal, int activeDevices, bool keepTrades, long inFlight = 0, int offline = 0, int lost = 0, LedgerFigures ledger = default)
    {
        // Checked sums: the scenario limits bound the money supply, and with it a tick's notional, by
        // 10^18 micro-units; anything beyond is a broken invariant and must not wrap into a report.
        long supply = 0;
        foreach (var w in wealth) supply = checked(supply + w);
        var gini = Gini.OfSorting(wealth);

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
}
