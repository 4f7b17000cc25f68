namespace M2MSim.Simulator.Validation;

/// <summary>One arm of an experiment: a scenario file run with several seeds.</summary>
/// <param name="Label">Names the arm in folders and in the checks (e.g. "zi-c").</param>
/// <param name="Scenario">Path relative to scenarios/validation/.</param>
/// <param name="Overrides">--set overrides applied to every replication (the seed is set per replication).</param>
public sealed record ExperimentRun(string Label, string Scenario, int Replications, IReadOnlyList<string>? Overrides = null);
