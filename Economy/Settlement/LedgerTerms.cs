namespace M2MSim.Economy.Settlement;

/// <summary>The ledger as one device deals with it (a device spec's part of <see cref="LedgerSpec"/> and the pool).</summary>
/// <param name="Kind">The ledger's kind.</param>
/// <param name="Fee">Chain: micro-units per transaction the device submits.</param>
/// <param name="Pow">Feeless: compute units of proof of work per transaction.</param>
/// <param name="Mines">The scenario has a reward pool: the device commits its idle compute to the network.</param>
public sealed record LedgerTerms(LedgerKind Kind, long Fee, int Pow, bool Mines)
{
    public bool Confirms => Kind != LedgerKind.Direct;
}
