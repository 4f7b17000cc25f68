using M2MSim.Economy.Metrics;
using M2MSim.Economy.Money;
using M2MSim.Economy.Resources;

namespace M2MSim.Silo.Dashboard;

/// <summary>One tick on the page's charts: every market, and the economy-wide figures.</summary>
public sealed record TickPoint(int Tick, IReadOnlyList<MarketPoint> Markets, double MoneySupply, double FeesTotal, double InFlight, double Gini, int ActiveDevices)
{
    public static TickPoint From(TickReport report)
    {
        var rows = report.Rows;
        var markets = new MarketPoint[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            markets[i] = new MarketPoint(r.Resource.Name(), r.Trades, r.Volume, Money(r.MeanPrice), Money(r.BestBid), Money(r.BestAsk), Money(r.Fees));
        }
        // Every row of a tick carries the same economy-wide figures.
        var first = rows.Length > 0 ? rows[0] : default;
        return new TickPoint(report.Tick, markets, Money(first.MoneySupply), Money(first.FeesTotal), Money(first.InFlight), first.Gini, first.ActiveDevices);
    }

    private static double Money(long micros) => (double)micros / Micros.PerUnit;
}
