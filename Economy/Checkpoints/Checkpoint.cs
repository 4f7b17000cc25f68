using M2MSim.Economy.Markets;

namespace M2MSim.Economy.Checkpoints;

/// <summary>
/// The economy at a tick barrier, but for its devices (<see cref="DeviceCheckpoint"/>, streamed in
/// id order because there can be millions). Engine-independent: a checkpoint taken by either
/// engine, at any shard or silo count, restores into either.
/// </summary>
/// <param name="Ticks">Ticks completed: the run goes on with this tick.</param>
/// <param name="InitialSupply">The money the run started with (the conservation check's reference).</param>
/// <param name="Fees">Fees paid into the sink so far.</param>
/// <param name="Sent">Money sent in messages since the start; <paramref name="Received"/> of it was credited.</param>
/// <param name="Tapes">The last tick's market tapes, for devices that learn.</param>
/// <param name="Markets">Each market's carried state, in market order.</param>
/// <param name="Ledger">The settlement ledger and reward pool (null: the scenario has none).</param>
public sealed record Checkpoint(
    int Ticks,
    long InitialSupply,
    long Fees,
    long Sent,
    long Received,
    MarketTape[] Tapes,
    MarketState[] Markets,
    LedgerState? Ledger = null);
