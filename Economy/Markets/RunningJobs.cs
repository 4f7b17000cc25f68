namespace M2MSim.Economy.Markets;

/// <summary>
/// The orders a tender awarded in one tick, held with their trades until the jobs complete: the
/// results go back to the devices (and the trades into the tick's report) only then.
/// </summary>
/// <param name="CompletesAt">The tick whose clearing returns them: award tick + duration − 1.</param>
internal sealed record RunningJobs(int CompletesAt, OrderResult[] Results, Trade[] Trades);
