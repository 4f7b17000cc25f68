using M2MSim.Economy.Money;
using M2MSim.Economy.Scenarios;

namespace M2MSim.Economy.Markets;

/// <summary>Builds the mechanism a scenario's market asks for: the one place both engines get it from.</summary>
public static class MarketMechanisms
{
    public static IMarketMechanism Create(MarketSpec spec, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Mechanism switch
        {
            MarketMechanism.Cda => new ContinuousDoubleAuction(spec.Resource, spec.FeePpm, seed, spec.NyseRule, spec.ClearAfterTrade),
            MarketMechanism.Call => new CallMarket(spec.Resource, spec.FeePpm, seed),
            MarketMechanism.Posted => new PostedPrice(spec.Resource, spec.FeePpm, seed,
                Micros.FromUnits(spec.MinPrice), Micros.FromUnits(spec.MaxPrice), spec.InitialPriceMicros, spec.Adjust),
            MarketMechanism.Negotiation => new BilateralNegotiation(spec.Resource),
            MarketMechanism.Tender => new Tender(spec.Resource, spec.FeePpm, seed,
                spec.Award ?? MarketSpec.DefaultAward, spec.Duration ?? MarketSpec.DefaultDuration),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Mechanism, "Unknown market mechanism."),
        };
    }
}
