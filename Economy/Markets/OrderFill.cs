namespace M2MSim.Economy.Markets;

/// <summary>
/// What one order of a tick book has left and has filled. Kept together, one entry an order, so a
/// fill writes one cache line per order: a million orders' fields in arrays of their own made a
/// trade between two random orders touch eight.
/// </summary>
internal struct OrderFill
{
    /// <summary>Units not filled yet.</summary>
    public int Remaining;

    /// <summary>Units filled.</summary>
    public int Filled;

    /// <summary>Micro-units paid or received for the units filled.</summary>
    public long Notional;

    /// <summary>Fees charged to the order (the seller's).</summary>
    public long Fee;
}
