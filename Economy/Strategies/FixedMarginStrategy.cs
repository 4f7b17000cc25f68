using M2MSim.Economy.Money;
using M2MSim.Economy.Randomness;

namespace M2MSim.Economy.Strategies;

/// <summary>
/// Quotes value × (1 − margin) when buying and cost × (1 + margin) when selling, clamped to the
/// market's range. With margin 0 it is the truthful trader of auction theory: it quotes its true
/// reservation prices (the device gives it the cost grossed up for the seller's fee). A negative
/// margin overbids (buyer) or underbids (seller) its reservation price and may trade at a loss: it
/// is the deviation that tests of truthful bidding (the Vickrey tender) compare against.
/// </summary>
public sealed class FixedMarginStrategy : IStrategy
{
    private readonly double _margin;

    public FixedMarginStrategy(double margin)
    {
        if (margin is <= -1 or >= 1 || double.IsNaN(margin)) throw new ArgumentOutOfRangeException(nameof(margin), margin, "A margin is in (−1, 1).");
        _margin = margin;
    }

    public long Bid(long value, MarketTerms market, ref RandomStream random)
    {
        var price = Math.Min(Micros.FromUnits(Micros.ToUnits(value) * (1 - _margin)), market.Max);
        return price < market.Min ? 0 : price;
    }

    public long Ask(long cost, MarketTerms market, ref RandomStream random)
    {
        var price = Math.Max(Micros.FromUnits(Micros.ToUnits(cost) * (1 + _margin)), market.Min);
        return price > market.Max ? 0 : price;
    }
}
