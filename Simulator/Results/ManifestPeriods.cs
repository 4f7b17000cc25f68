namespace M2MSim.Simulator.Results;

/// <summary>The run's trading periods in manifest.json: ticks per period and how many periods the run spans.</summary>
public sealed record ManifestPeriods(int Length, int Count);
