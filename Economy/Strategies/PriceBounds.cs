namespace M2MSim.Economy.Strategies;

/// <summary>The price range a market accepts, in micro-units. Max 0 means there is no market.</summary>
public readonly record struct PriceBounds(long Min, long Max)
{
    public bool HasMarket => Max > 0;
}
