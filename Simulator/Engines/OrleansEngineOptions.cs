namespace M2MSim.Simulator.Engines;

/// <param name="Shards">Shard grains that step the devices (8–32 measured best, see docs/performance.md).</param>
/// <param name="Parallelism">Device calls each shard keeps in flight.</param>
public sealed record OrleansEngineOptions(int Shards = 8, int Parallelism = 64);
