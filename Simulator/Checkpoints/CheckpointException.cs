namespace M2MSim.Simulator.Checkpoints;

/// <summary>A checkpoint is missing, damaged or cannot be written; the message says which file.</summary>
public sealed class CheckpointException(string message) : Exception(message);
