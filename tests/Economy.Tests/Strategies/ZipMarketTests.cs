using M2MSim.Economy.Markets;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Strategies;

/// <summary>
/// ZIP traders in Cliff's own market protocol, driven by hand-made tapes: one shout at a time, a
/// trade when a shout crosses the best standing quote of the other side (at that quote's price),
/// the book cleared after each trade, every trader learning from every shout. Cliff's headline is
/// that trade prices converge to the competitive price P0 over a few periods.
/// </summary>
public sealed class ZipMarketTests
{
    private const long U = 1_000_000;
    private static readonly MarketTerms Market = new(1 * U, 400 * U, 0);

    private sealed class Trader(ZipStrategy zip, Side side, long[] units)
    {
        public ZipStrategy Zip { get; } = zip;
        public Side Side { get; } = side;
        public int Next { get; set; }
        public bool Active => Next < units.Length;
        public long Limit => units[Math.Min(Next, units.Length - 1)];
    }

    /// <summary>
    /// Cliff's symmetric market (1997, section 5), prices × 100: 11 buyers with one unit each worth
    /// 325, 300, …, 75 and 11 sellers with one unit each costing 75, 100, …, 325: P0 = 200, Q0 = 6.
    /// </summary>
    private static List<double[]> Run(ulong seed, int periods, int shoutsPerPeriod)
    {
        var traders = new List<Trader>();
        for (var b = 0; b < 11; b++)
            traders.Add(new Trader(new ZipStrategy(seed, b), Side.Buy, [(325 - 25 * b) * U]));
        for (var s = 0; s < 11; s++)
            traders.Add(new Trader(new ZipStrategy(seed, 11 + s), Side.Sell, [(75 + 25 * s) * U]));

        var prices = new List<double[]>();
        for (var period = 0; period < periods; period++)
        {
            foreach (var t in traders) t.Next = 0;
            (Trader Who, long Price)? bestBid = null, bestAsk = null;
            var deals = new List<double>();
            for (var step = 0; step < shoutsPerPeriod; step++)
            {
                var random = new RandomStream(seed, RandomPurpose.Strategy, 99, period * 10_000L + step);
                var active = traders.Where(t => t.Active).ToArray();
                if (active.Length == 0) break;
                var trader = active[random.NextLong(0, active.Length - 1)];
                var quote = trader.Side == Side.Buy ? trader.Zip.Bid(trader.Limit, Market, ref random) : trader.Zip.Ask(trader.Limit, Market, ref random);
                if (quote == 0) continue;

                Shout shout;
                var opposite = trader.Side == Side.Buy ? bestAsk : bestBid;
                var crosses = opposite is { } o && (trader.Side == Side.Buy ? quote >= o.Price : quote <= o.Price);
                if (crosses)
                {
                    var (other, price) = opposite!.Value;
                    trader.Next++;
                    other.Next++;
                    deals.Add(price / (double)U);
                    shout = new Shout(trader.Side, price, true);
                    (bestBid, bestAsk) = (null, null); // outstanding quotes are cleared after a trade
                }
                else
                {
                    if (trader.Side == Side.Buy && (bestBid is null || quote > bestBid.Value.Price)) bestBid = (trader, quote);
                    if (trader.Side == Side.Sell && (bestAsk is null || quote < bestAsk.Value.Price)) bestAsk = (trader, quote);
                    shout = new Shout(trader.Side, quote, false);
                }
                foreach (var t in traders) t.Zip.Observe(t.Side, t.Limit, t.Active, shout, Market, ref random);
            }
            prices.Add(deals.ToArray());
        }
        return prices;
    }

    /// <summary>Smith's α: 100 × the root mean square deviation of trade prices from P0, over P0.</summary>
    private static double Alpha(double[] prices) => 100 * Math.Sqrt(prices.Average(p => (p - 200) * (p - 200))) / 200;

    [Fact]
    public void Trade_prices_converge_towards_the_competitive_price()
    {
        var first = new List<double>();
        var last = new List<double>();
        foreach (var seed in new ulong[] { 1, 2, 3, 4, 5 })
        {
            var periods = Run(seed, periods: 8, shoutsPerPeriod: 400);
            Assert.All(periods, p => Assert.NotEmpty(p));
            first.Add(Alpha(periods[0]));
            last.Add(Alpha(periods[^1]));
        }
        Assert.True(last.Average() < first.Average() / 2, $"Smith's alpha: first period {first.Average():F1}, last {last.Average():F1}");
        Assert.True(last.Average() < 5, $"last-period alpha {last.Average():F1}"); // about 2.8 over these seeds, from about 15.7
    }
}
