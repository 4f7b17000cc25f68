using M2MSim.Economy.Money;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Scenarios;

/// <summary>One market of a scenario. Prices are in money units; fee is a fraction of trade value paid by the seller.</summary>
public sealed record MarketSpec(Resource Resource, MarketMechanism Mechanism, double Fee, double MinPrice, double MaxPrice)
{
    public long FeePpm => (long)Math.Round(Fee * 1_000_000, MidpointRounding.ToEven);

    public PriceBounds Bounds => new(Micros.FromUnits(MinPrice), Micros.FromUnits(MaxPrice));
}
