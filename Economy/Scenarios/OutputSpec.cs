namespace M2MSim.Economy.Scenarios;

/// <summary>What a run writes besides ticks.csv and devices.csv.</summary>
/// <param name="Trades">Write trades.csv, one row per trade (it can be large).</param>
public sealed record OutputSpec(bool Trades = true);
