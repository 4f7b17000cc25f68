namespace M2MSim.Simulator.Runs;

/// <param name="Folder">Where the files are: the final folder, or the ".failed" one.</param>
/// <param name="Stopped">Stopped from the dashboard before its last tick: its files are complete, for the ticks run.</param>
/// <param name="Recoveries">Silos lost and recovered from during the run.</param>
public sealed record RunOutcome(bool Succeeded, string Folder, string? Error, int TicksRun, long Trades, long Volume, TimeSpan Wall, bool Stopped = false, int Recoveries = 0);
