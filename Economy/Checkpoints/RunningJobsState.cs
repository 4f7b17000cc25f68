using M2MSim.Economy.Markets;

namespace M2MSim.Economy.Checkpoints;

/// <summary>A tender's jobs awarded in one tick and still running, as plain data.</summary>
/// <param name="CompletesAt">The tick whose clearing returns them.</param>
public sealed record RunningJobsState(int CompletesAt, OrderResult[] Results, Trade[] Trades);
