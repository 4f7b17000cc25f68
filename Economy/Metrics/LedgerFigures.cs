using M2MSim.Economy.Settlement;

namespace M2MSim.Economy.Metrics;

/// <summary>The settlement ledger's figures at a tick barrier, economy-wide (all 0 for a scenario without a ledger or pool).</summary>
/// <param name="Transactions">Transactions submitted in the tick.</param>
/// <param name="Unconfirmed">Transactions submitted so far whose money cannot be spent in the next tick.</param>
/// <param name="FeesTotal">Chain fees paid so far (to the reward pool).</param>
/// <param name="PowTotal">Compute units of proof of work spent so far.</param>
/// <param name="Pool">The reward pool's balance.</param>
/// <param name="RewardsTotal">Rewards the pool paid so far.</param>
public readonly record struct LedgerFigures(long Transactions, long Unconfirmed, long FeesTotal, long PowTotal, long Pool, long RewardsTotal)
{
    public static LedgerFigures Of(SettlementLedger? ledger, int tick) => ledger is null ? default
        : new(ledger.LastTransactions, ledger.Unconfirmed(tick), ledger.FeesTotal, ledger.PowTotal, ledger.Pool, ledger.PaidTotal);
}
