namespace M2MSim.Economy.Strategies;

public enum StrategyKind
{
    /// <summary>Zero intelligence, constrained (Gode &amp; Sunder 1993): random quotes that never lose money, fees included.</summary>
    ZiC = 0,

    /// <summary>Quotes its value (or cost) shaded by a fixed margin; margin 0 is truthful.</summary>
    FixedMargin = 1,
}
