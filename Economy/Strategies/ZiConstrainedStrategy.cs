using M2MSim.Economy.Randomness;

namespace M2MSim.Economy.Strategies;

/// <summary>
/// ZI-C (Gode &amp; Sunder 1993): a buyer bids uniformly on [min, value], a seller asks uniformly
/// on [cost, max]. It holds no state and never quotes beyond the value or below the cost it is given;
/// since the device gives it the fee-inclusive cost, it never trades at a loss, fees included.
/// </summary>
public sealed class ZiConstrainedStrategy : IStrategy
{
    public static readonly ZiConstrainedStrategy Instance = new();

    private ZiConstrainedStrategy()
    {
    }

    public long Bid(long value, MarketTerms market, ref RandomStream random)
    {
        var high = Math.Min(value, market.Max);
        return high < market.Min ? 0 : random.NextLong(market.Min, high);
    }

    public long Ask(long cost, MarketTerms market, ref RandomStream random)
    {
        var low = Math.Max(cost, market.Min);
        return low > market.Max ? 0 : random.NextLong(low, market.Max);
    }
}
