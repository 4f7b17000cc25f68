namespace M2MSim.Simulator.Results;

/// <summary>How many checkpoints this process saved and how long the run paused for them, in seconds.</summary>
public sealed record ManifestCheckpoints(int Saved, double Seconds);
