namespace M2MSim.Simulator.Engines;

/// <param name="Shards">Shard grains that step the devices: by default one on an embedded silo, where one
/// shard was measured fastest (docs/performance.md, "One shard on one silo"), and 8 on a cluster, so the
/// shards spread over its silos.</param>
/// <param name="Parallelism">Device calls each shard keeps in flight: by default <see cref="CallsInFlight"/> split over the shards.</param>
/// <param name="DeactivateIdle">
/// A device whose next scheduled step is more than this many ticks away deactivates after a step
/// that is quiet (no order, message or deal outstanding, no negotiation open), and its shard keeps its compact state until it is next stepped
/// (0: devices stay activated). Results do not depend on it; memory and speed do.
/// </param>
public sealed record OrleansEngineOptions(int Shards = 1, int Parallelism = OrleansEngineOptions.CallsInFlight, int DeactivateIdle = 0)
{
    /// <summary>Device calls in flight in all when none is asked for: 8 shards × 64 before one shard was the default.</summary>
    public const int CallsInFlight = 512;

    /// <summary>Shards when none is asked for: one on an embedded silo, 8 on a cluster.</summary>
    public static int DefaultShards(bool cluster) => cluster ? 8 : 1;

    /// <summary>Calls in flight per shard when none is asked for: <see cref="CallsInFlight"/> split over the shards.</summary>
    public static int DefaultParallelism(int shards) => (CallsInFlight + shards - 1) / shards;
}
