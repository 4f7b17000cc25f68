namespace M2MSim.Economy.Settlement;

/// <summary>What devices did on the ledger in one tick, summed over the devices stepped (a shard's part, or the whole economy's).</summary>
/// <param name="Transactions">Transactions submitted: filled orders settled, money messages sent.</param>
/// <param name="Fees">Chain fees paid (to the reward pool).</param>
/// <param name="Pow">Compute units of proof of work paid out of compute production.</param>
/// <param name="Mined">Idle compute units committed to the network.</param>
/// <param name="Claimed">Rewards credited to devices (out of rewards paid earlier by the pool).</param>
public readonly record struct LedgerActivity(long Transactions, long Fees, long Pow, long Mined, long Claimed)
{
    public static LedgerActivity operator +(LedgerActivity a, LedgerActivity b) =>
        new(checked(a.Transactions + b.Transactions), checked(a.Fees + b.Fees), checked(a.Pow + b.Pow), checked(a.Mined + b.Mined), checked(a.Claimed + b.Claimed));
}
