namespace M2MSim.Economy.Scenarios;

/// <summary>
/// Trading periods: period k is ticks [k × Length, (k + 1) × Length). At the first tick of each,
/// unit-schedule endowments reset; <see cref="Shifts"/> change schedules from a period on.
/// </summary>
public sealed record PeriodSpec(int Length, IReadOnlyList<ShiftSpec> Shifts);
