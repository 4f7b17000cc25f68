namespace M2MSim.Simulator.Engines;

/// <param name="Shards">Shard grains that step the devices (8–32 measured best, see docs/performance.md).</param>
/// <param name="Parallelism">Device calls each shard keeps in flight.</param>
/// <param name="DeactivateIdle">
/// A device whose next scheduled step is more than this many ticks away deactivates after a step
/// that is quiet (no order, message or deal outstanding, no negotiation open), and its shard keeps its compact state until it is next stepped
/// (0: devices stay activated). Results do not depend on it; memory and speed do.
/// </param>
public sealed record OrleansEngineOptions(int Shards = 8, int Parallelism = 64, int DeactivateIdle = 0);
