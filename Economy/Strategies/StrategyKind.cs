namespace M2MSim.Economy.Strategies;

public enum StrategyKind
{
    /// <summary>Zero intelligence, constrained (Gode &amp; Sunder 1993): random quotes that never lose money, fees included.</summary>
    ZiC = 0,

    /// <summary>Quotes its value (or cost) shaded by a fixed margin; margin 0 is truthful.</summary>
    FixedMargin = 1,

    /// <summary>Zero intelligence, unconstrained (Gode &amp; Sunder 1993): quotes uniform over the whole price range.</summary>
    ZiU = 2,

    /// <summary>Quotes exactly its value or fee-inclusive cost: fixed-margin with margin 0, under its own name.</summary>
    Truthful = 3,

    /// <summary>Zero intelligence plus (Cliff 1997): a profit margin learnt from the market's tape.</summary>
    Zip = 4,

    /// <summary>Time-dependent negotiation tactic that holds out and concedes late (β &lt; 1; Faratin, Sierra &amp; Jennings 1998).</summary>
    Boulware = 5,

    /// <summary>Time-dependent negotiation tactic that concedes at a constant rate (β = 1).</summary>
    Linear = 6,

    /// <summary>Time-dependent negotiation tactic that concedes early (β &gt; 1).</summary>
    Conceder = 7,

    /// <summary>Relative tit-for-tat (Faratin's imitative tactic): concedes in proportion to the opponent's last concession.</summary>
    TitForTat = 8,
}
