using M2MSim.Simulator.Checkpoints;

namespace M2MSim.Simulator.Runs;

/// <summary>A run folder to go on with (`run --resume`), and its newest checkpoint.</summary>
public sealed record ResumeSource(string Folder, SavedCheckpoint Checkpoint);
