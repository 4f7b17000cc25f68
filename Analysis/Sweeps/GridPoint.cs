namespace M2MSim.Analysis.Sweeps;

/// <summary>A metric at one grid point (one setting of every parameter), over its replications.</summary>
public sealed record GridPoint(string Metric, string Point, IReadOnlyDictionary<string, string> Settings, RunGroup Group);
