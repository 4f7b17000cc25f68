namespace M2MSim.Economy.Settlement;

/// <summary>How payments between devices are settled (the scenario's <c>ledger.kind</c>).</summary>
public enum LedgerKind
{
    /// <summary>Instant and free: the idealised baseline, and the model before ledgers existed.</summary>
    Direct = 0,

    /// <summary>IOTA-like: no fee; each payment costs its payer proof of work (compute) and confirms after a delay.</summary>
    Feeless = 1,

    /// <summary>A fee per transaction to the validators, a block capacity per tick and a confirmation delay.</summary>
    Chain = 2,
}
