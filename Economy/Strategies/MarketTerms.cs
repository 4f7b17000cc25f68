namespace M2MSim.Economy.Strategies;

/// <summary>
/// What a device knows of one resource's market: the price range it accepts (micro-units; Max 0
/// means there is no market) and the fee its sellers pay, in parts per million of a trade's value.
/// The fee is here because a seller's true reservation price includes it (<see cref="GrossCost"/>).
/// </summary>
/// <param name="Negotiated">The resource is traded by bilateral negotiation between devices, not by quoting in the market.</param>
public readonly record struct MarketTerms(long Min, long Max, long FeePpm, bool Negotiated = false)
{
    public const long PpmPerUnit = 1_000_000;

    public bool HasMarket => Max > 0;

    /// <summary>
    /// The lowest ask at which selling a unit costing <paramref name="cost"/> loses nothing after the
    /// fee: ceil(cost × 10^6 / (10^6 − fee)). For any fill of q units at a price p ≥ this,
    /// p × q − floor(p × q × fee / 10^6) ≥ cost × q, because the fee is rounded down.
    /// </summary>
    public long GrossCost(long cost)
    {
        if (cost < 0) throw new ArgumentOutOfRangeException(nameof(cost), cost, "A cost is never negative.");
        // Checked here rather than in a constructor: the terms travel between silos as JSON, which
        // sets the properties without calling one. A fee of 100 % would leave a seller nothing
        // whatever the price, so no ask could cover a cost.
        if (FeePpm is < 0 or >= PpmPerUnit)
            throw new InvalidOperationException($"A fee is at least 0 and below {PpmPerUnit} ppm, got {FeePpm}.");
        var keep = PpmPerUnit - FeePpm;
        // Int128: cost × 10^6 exceeds a long for costs above ~9.2e12 micro-units; the result is
        // converted back checked, so a cost too large to gross up fails loudly.
        return checked((long)(((Int128)cost * PpmPerUnit + keep - 1) / keep));
    }
}
