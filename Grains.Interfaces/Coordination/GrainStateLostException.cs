namespace M2MSim.Grains.Coordination;

/// <summary>
/// A grain of a run was activated afresh without the state the run gave it (its silo failed, or
/// it was never set up): it refuses to work rather than go on from nothing. A run on a cluster
/// takes it as a sign of a lost silo and recovers from its checkpoint.
/// </summary>
[GenerateSerializer]
public sealed class GrainStateLostException(string message) : Exception(message);
