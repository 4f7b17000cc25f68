using M2MSim.Analysis.Statistics;

namespace M2MSim.Analysis.Sweeps;

/// <summary>
/// A metric's linear trend in a numeric parameter with at least three values, over every completed
/// run that has the metric; <see cref="Fit"/> is null when there is nothing to fit.
/// </summary>
public sealed record ParameterTrend(string Metric, string Parameter, LinearTrend? Fit);
