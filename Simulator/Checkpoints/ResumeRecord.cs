namespace M2MSim.Simulator.Checkpoints;

/// <summary>A `run --resume`: from which checkpoint, when. Written into manifest.json.</summary>
public sealed record ResumeRecord(int FromTick, DateTimeOffset AtUtc);
