namespace M2MSim.Simulator.Results;

/// <summary>How many checkpoints this process saved, how long the run paused for them (seconds), and the size of the last on disk.</summary>
public sealed record ManifestCheckpoints(int Saved, double Seconds, long Bytes);
