namespace M2MSim.Economy.Checkpoints;

/// <summary>The settlement ledger and reward pool at a barrier (see <see cref="Settlement.SettlementLedger"/>).</summary>
/// <param name="Submitted">Transactions submitted since the start.</param>
/// <param name="Confirmed">Of them, those in ticks wholly confirmed.</param>
/// <param name="Open">Ticks with transactions not confirmed yet, oldest first.</param>
/// <param name="Pool">The reward pool's balance.</param>
/// <param name="Rates">Reward paid per unit of idle compute, by tick.</param>
/// <param name="Slots">Chain: block slots used or gone by (see <see cref="Settlement.SettlementLedger"/>).</param>
public sealed record LedgerState(
    long Submitted,
    long Confirmed,
    OpenBlock[] Open,
    long Pool,
    long FeesTotal,
    long PowTotal,
    long PaidTotal,
    long ClaimedTotal,
    long[] Rates,
    long Slots = 0);
