namespace M2MSim.Simulator.Runs;

/// <summary>Where a run stands after a tick.</summary>
public readonly record struct TickProgress(int TicksDone, int Ticks, long Trades);
