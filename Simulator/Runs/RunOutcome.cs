namespace M2MSim.Simulator.Runs;

/// <param name="Folder">Where the files are: the final folder, or the ".failed" one.</param>
public sealed record RunOutcome(bool Succeeded, string Folder, string? Error, int TicksRun, long Trades, long Volume, TimeSpan Wall);
