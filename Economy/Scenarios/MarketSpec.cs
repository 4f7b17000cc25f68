using M2MSim.Economy.Money;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Scenarios;

/// <summary>One market of a scenario. Prices are in money units; fee is a fraction of trade value paid by the seller.</summary>
public sealed record MarketSpec(Resource Resource, MarketMechanism Mechanism, double Fee, double MinPrice, double MaxPrice)
{
    public long FeePpm => ToPpm(Fee);

    /// <summary>The market as devices see it: range and fee, rounded as the validator checked them.</summary>
    public MarketTerms Terms => new(Micros.FromUnits(MinPrice), Micros.FromUnits(MaxPrice), FeePpm);

    /// <summary>A fraction as parts per million, half to even: the one rounding of fees.</summary>
    public static long ToPpm(double fraction) => (long)Math.Round(fraction * MarketTerms.PpmPerUnit, MidpointRounding.ToEven);
}
