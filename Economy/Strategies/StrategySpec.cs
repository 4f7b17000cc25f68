namespace M2MSim.Economy.Strategies;

/// <summary>A strategy and its parameters, as a scenario file gives them.</summary>
/// <param name="Margin">Fixed-margin only, in (−1, 1): a buyer bids value × (1 − margin), a seller asks cost × (1 + margin).</param>
public sealed record StrategySpec(StrategyKind Kind, double Margin = 0)
{
    public string Name => Kind switch
    {
        StrategyKind.ZiC => "zi-c",
        StrategyKind.FixedMargin => "fixed-margin",
        StrategyKind.ZiU => "zi-u",
        StrategyKind.Truthful => "truthful",
        StrategyKind.Zip => "zip",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };

    /// <summary>Whether devices with this strategy learn from market tapes (then the engines deliver them).</summary>
    public bool Learns => Kind == StrategyKind.Zip;

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
    /// silo that builds the device builds the same trader.
    /// </summary>
    public IStrategy Create(ulong seed, int device) => Kind switch
    {
        StrategyKind.ZiC => ZiConstrainedStrategy.Instance,
        StrategyKind.FixedMargin => new FixedMarginStrategy(Margin),
        StrategyKind.ZiU => ZiUnconstrainedStrategy.Instance,
        StrategyKind.Truthful => new FixedMarginStrategy(0),
        StrategyKind.Zip => new ZipStrategy(seed, device),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };
}
