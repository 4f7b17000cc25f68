namespace M2MSim.Economy.Settlement;

/// <summary>
/// What a device stepping in a tick sees of the ledger: which transactions are confirmed, and the
/// reward paid per unit of idle compute in each past tick. The same for every device of the tick.
/// </summary>
/// <param name="ConfirmedThrough">Every transaction submitted in this tick or earlier is confirmed.</param>
/// <param name="RewardRates">Micro-units the pool paid per unit of compute committed, by tick (known for the ticks before this one).</param>
public sealed record LedgerView(int ConfirmedThrough, long[] RewardRates)
{
    /// <summary>The view of the final settlement: the run is over, every transaction is confirmed.</summary>
    public LedgerView Final() => this with { ConfirmedThrough = int.MaxValue };
}
