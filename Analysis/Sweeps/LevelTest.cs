using M2MSim.Analysis.Statistics;

namespace M2MSim.Analysis.Sweeps;

/// <summary>
/// Welch's t-test of a metric between the two settings of a parameter that has exactly two;
/// <see cref="Test"/> is null when either side has fewer than two values or neither varies.
/// <see cref="Paired"/> pairs the runs that differ only in this parameter (same other settings,
/// same replication, so the same seed): the sharper test for a sweep's common random numbers.
/// </summary>
public sealed record LevelTest(string Metric, string Parameter, ParameterLevel A, ParameterLevel B, WelchTest? Test, PairedTTest? Paired);
