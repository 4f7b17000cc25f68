using M2MSim.Economy.Negotiation;
using M2MSim.Economy.Scenarios;

namespace M2MSim.Economy.Strategies;

/// <summary>A strategy and its parameters, as a scenario file gives them.</summary>
/// <param name="Margin">Fixed-margin only, in (−1, 1): a buyer bids value × (1 − margin), a seller asks cost × (1 + margin).</param>
/// <param name="Beta">Time-dependent tactics only: the concession exponent β (null: the kind's default).</param>
/// <param name="Deadline">Negotiation tactics only: the last round the device negotiates in, drawn per device (null: <see cref="DefaultDeadline"/>).</param>
/// <param name="Delta">Tit-for-tat only: how many of the opponent's offers back it imitates (δ; null: 1).</param>
public sealed record StrategySpec(StrategyKind Kind, double Margin = 0, double? Beta = null, Distribution? Deadline = null, int? Delta = null)
{
    public const double DefaultBoulwareBeta = 0.2;
    public const double DefaultConcederBeta = 5;
    public const int DefaultDeadline = 10;

    public string Name => Kind switch
    {
        StrategyKind.ZiC => "zi-c",
        StrategyKind.FixedMargin => "fixed-margin",
        StrategyKind.ZiU => "zi-u",
        StrategyKind.Truthful => "truthful",
        StrategyKind.Zip => "zip",
        StrategyKind.Boulware => "boulware",
        StrategyKind.Linear => "linear",
        StrategyKind.Conceder => "conceder",
        StrategyKind.TitForTat => "tit-for-tat",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };

    /// <summary>Whether devices with this strategy learn from market tapes (then the engines deliver them).</summary>
    public bool Learns => Kind == StrategyKind.Zip;

    /// <summary>Whether this is a negotiation tactic (it bargains device to device) rather than a way to quote in a market.</summary>
    public bool IsTactic => Kind is StrategyKind.Boulware or StrategyKind.Linear or StrategyKind.Conceder or StrategyKind.TitForTat;

    /// <summary>The concession exponent of a time-dependent tactic: the scenario's, or the kind's default.</summary>
    public double ResolvedBeta => Beta ?? Kind switch
    {
        StrategyKind.Boulware => DefaultBoulwareBeta,
        StrategyKind.Conceder => DefaultConcederBeta,
        _ => 1,
    };

    public static bool TryParseKind(string text, out StrategyKind kind)
    {
        foreach (var k in Enum.GetValues<StrategyKind>())
        {
            if (new StrategySpec(k).Name == text)
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>
    /// The strategy of one device. Stateless strategies are shared; a learning one (ZIP) is a new
    /// object whose parameters are drawn from the device's own population stream, so any shard or
    /// silo that builds the device builds the same trader. A negotiation tactic quotes in no market:
    /// it has none.
    /// </summary>
    public IStrategy? Create(ulong seed, int device) => Kind switch
    {
        StrategyKind.ZiC => ZiConstrainedStrategy.Instance,
        StrategyKind.FixedMargin => new FixedMarginStrategy(Margin),
        StrategyKind.ZiU => ZiUnconstrainedStrategy.Instance,
        StrategyKind.Truthful => new FixedMarginStrategy(0),
        StrategyKind.Zip => new ZipStrategy(seed, device),
        _ when IsTactic => null,
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };

    /// <summary>The negotiation tactic of a device, or null for a market strategy. Tactics are stateless: the negotiation holds the history.</summary>
    public INegotiationTactic? CreateTactic() => Kind switch
    {
        StrategyKind.Boulware or StrategyKind.Linear or StrategyKind.Conceder => new TimeDependentTactic(ResolvedBeta),
        StrategyKind.TitForTat => new TitForTatTactic(Delta ?? 1),
        _ => null,
    };
}
