namespace M2MSim.Economy.Scenarios;

/// <summary>What a run writes besides ticks.csv and devices.csv.</summary>
/// <param name="Trades">Write trades.csv, one row per trade (it can be large).</param>
/// <param name="CheckpointEvery">Save a checkpoint in the run folder every this many ticks (0: none), to resume or recover from.</param>
public sealed record OutputSpec(bool Trades = true, int CheckpointEvery = 0);
