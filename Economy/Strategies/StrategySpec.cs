namespace M2MSim.Economy.Strategies;

/// <summary>A strategy and its parameters, as a scenario file gives them.</summary>
/// <param name="Margin">Fixed-margin only: a buyer bids value × (1 − margin), a seller asks cost × (1 + margin).</param>
public sealed record StrategySpec(StrategyKind Kind, double Margin = 0)
{
    public string Name => Kind switch
    {
        StrategyKind.ZiC => "zi-c",
        StrategyKind.FixedMargin => "fixed-margin",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
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

    public IStrategy Create() => Kind switch
    {
        StrategyKind.ZiC => ZiConstrainedStrategy.Instance,
        StrategyKind.FixedMargin => new FixedMarginStrategy(Margin),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };
}
