using M2MSim.Grains.Coordination;

namespace M2MSim.Silo.Dashboard;

/// <summary>
/// What the API returns and each server-sent event carries: the run's state, the ticks after the
/// one the client already has, the latest economy view, and the ticks per second.
/// </summary>
/// <param name="Run">Null until a run starts in this process.</param>
/// <param name="TicksDone">Ticks completed; the last point is tick TicksDone − 1.</param>
/// <param name="Economy">Wealth deciles, richest devices and order books (micro-units), at most about a second old; null before the first.</param>
public sealed record LiveUpdate(
    RunInfo? Run,
    string State,
    int TicksDone,
    double TicksPerSecond,
    IReadOnlyList<TickPoint> Points,
    LiveEconomy? Economy,
    string? Error);
