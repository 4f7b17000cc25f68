using M2MSim.Economy.Money;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Scenarios;

/// <summary>One market of a scenario. Prices are in money units; fee is a fraction of trade value paid by the seller.</summary>
/// <param name="NyseRule">CDA only: a quote that does not trade enters the book only if it improves on its side's best.</param>
/// <param name="ClearAfterTrade">CDA only: every trade empties the book (Gode &amp; Sunder).</param>
/// <param name="InitialPrice">Posted price only: the first posted price; null means the midpoint of the range.</param>
/// <param name="Adjust">Posted price only: how strongly the price follows excess demand, 0 … 1.</param>
/// <param name="Award">Tender only: first or second price; null on other mechanisms (and then left out of the manifest).</param>
/// <param name="Duration">Tender only: ticks an awarded job runs before it is paid, ≥ 1; null on other mechanisms.</param>
public sealed record MarketSpec(
    Resource Resource,
    MarketMechanism Mechanism,
    double Fee,
    double MinPrice,
    double MaxPrice,
    bool NyseRule = false,
    bool ClearAfterTrade = false,
    double? InitialPrice = null,
    double Adjust = MarketSpec.DefaultAdjust,
    TenderAward? Award = null,
    int? Duration = null)
{
    public const double DefaultAdjust = 0.1;

    /// <summary>A tender's award rule when the scenario names none: Vickrey, whose truthful bids are the point of it.</summary>
    public const TenderAward DefaultAward = TenderAward.Second;

    /// <summary>How long a tender's job runs when the scenario does not say: it is paid in the tick after its award, like any trade.</summary>
    public const int DefaultDuration = 1;
    public long FeePpm => ToPpm(Fee);

    /// <summary>The market as devices see it: range and fee, rounded as the validator checked them.</summary>
    public MarketTerms Terms => new(Micros.FromUnits(MinPrice), Micros.FromUnits(MaxPrice), FeePpm, Mechanism == MarketMechanism.Negotiation);

    /// <summary>
    /// The posted price of the first tick in micro-units: <see cref="InitialPrice"/> rounded, or the
    /// midpoint of the range in micro-units rounded down.
    /// </summary>
    public long InitialPriceMicros => InitialPrice is { } p
        ? Micros.FromUnits(p)
        : (Micros.FromUnits(MinPrice) + Micros.FromUnits(MaxPrice)) / 2;

    /// <summary>A fraction as parts per million, half to even: the one rounding of fees.</summary>
    public static long ToPpm(double fraction) => (long)Math.Round(fraction * MarketTerms.PpmPerUnit, MidpointRounding.ToEven);
}
