using M2MSim.Economy.Scenarios;

namespace M2MSim.Simulator.Sweeps;

/// <summary>One run of a sweep: replication <paramref name="Replication"/> of grid point <paramref name="Point"/>.</summary>
/// <param name="Id">Its folder's name under runs/, e.g. p003-r01.</param>
/// <param name="Values">The point's value of each varied parameter, in --vary order.</param>
/// <param name="Scenario">The scenario with the point's overrides, this run's seed and the sweep's output settings.</param>
public sealed record SweepRun(string Id, int Point, int Replication, ulong Seed, IReadOnlyList<string> Values, Scenario Scenario);
