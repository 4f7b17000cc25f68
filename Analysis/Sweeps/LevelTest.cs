using M2MSim.Analysis.Statistics;

namespace M2MSim.Analysis.Sweeps;

/// <summary>
/// Welch's t-test of a metric between the two settings of a parameter that has exactly two;
/// <see cref="Test"/> is null when either side has fewer than two values or neither varies.
/// </summary>
public sealed record LevelTest(string Metric, string Parameter, ParameterLevel A, ParameterLevel B, WelchTest? Test);
