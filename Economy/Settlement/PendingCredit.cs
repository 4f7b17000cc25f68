namespace M2MSim.Economy.Settlement;

/// <summary>Money paid to a device by a transaction submitted in <paramref name="Tick"/>, spendable once the ledger confirms it.</summary>
public readonly record struct PendingCredit(int Tick, long Amount);
