using M2MSim.Economy.Randomness;

namespace M2MSim.Economy.Strategies;

/// <summary>
/// ZI-C (Gode &amp; Sunder 1993): a buyer bids uniformly on [min, value], a seller asks uniformly
/// on [cost, max]. It holds no state and can never trade at a loss.
/// </summary>
public sealed class ZiConstrainedStrategy : IStrategy
{
    public static readonly ZiConstrainedStrategy Instance = new();

    private ZiConstrainedStrategy()
    {
    }

    public long Bid(long value, PriceBounds bounds, ref RandomStream random)
    {
        var high = Math.Min(value, bounds.Max);
        return high < bounds.Min ? 0 : random.NextLong(bounds.Min, high);
    }

    public long Ask(long cost, PriceBounds bounds, ref RandomStream random)
    {
        var low = Math.Max(cost, bounds.Min);
        return low > bounds.Max ? 0 : random.NextLong(low, bounds.Max);
    }
}
