namespace M2MSim.Analysis.Sweeps;

/// <summary>A metric at one value of one parameter, pooled over every run at that value (so over all the other parameters' values).</summary>
public sealed record ParameterLevel(string Metric, string Parameter, string Value, RunGroup Group);
