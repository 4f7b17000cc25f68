namespace M2MSim.Analysis.Sweeps;

/// <summary>One row of sweep.csv: a run at one grid point and replication, its outcome and its metrics (null where the cell is empty).</summary>
public sealed record SweepRun(
    string Run,
    string Point,
    int Replication,
    IReadOnlyDictionary<string, string> Settings,
    bool Completed,
    IReadOnlyDictionary<string, double?> Metrics);
