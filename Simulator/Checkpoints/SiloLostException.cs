namespace M2MSim.Simulator.Checkpoints;

/// <summary>The run learnt that a silo it used is gone, before any call of its own failed.</summary>
public sealed class SiloLostException(string cause) : Exception($"A silo was lost: {cause}.");
