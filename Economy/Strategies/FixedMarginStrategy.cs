using M2MSim.Economy.Money;
using M2MSim.Economy.Randomness;

namespace M2MSim.Economy.Strategies;

/// <summary>
/// Quotes value × (1 − margin) when buying and cost × (1 + margin) when selling, clamped to the
/// market's range. With margin 0 it is the truthful trader of auction theory.
/// </summary>
public sealed class FixedMarginStrategy : IStrategy
{
    private readonly double _margin;

    public FixedMarginStrategy(double margin)
    {
        if (margin is < 0 or >= 1 || double.IsNaN(margin)) throw new ArgumentOutOfRangeException(nameof(margin), margin, "A margin is in [0, 1).");
        _margin = margin;
    }

    public long Bid(long value, PriceBounds bounds, ref RandomStream random)
    {
        var price = Math.Min(Micros.FromUnits(Micros.ToUnits(value) * (1 - _margin)), bounds.Max);
        return price < bounds.Min ? 0 : price;
    }

    public long Ask(long cost, PriceBounds bounds, ref RandomStream random)
    {
        var price = Math.Max(Micros.FromUnits(Micros.ToUnits(cost) * (1 + _margin)), bounds.Min);
        return price > bounds.Max ? 0 : price;
    }
}
