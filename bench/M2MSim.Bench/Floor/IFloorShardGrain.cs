namespace M2MSim.Bench.Floor;

/// <summary>
/// Benchmark only: calls its slice of floor devices exactly as a <c>ShardGrain</c> calls its device
/// grains (id mod shards, from the thread pool, a bounded window in flight), so the floor and the
/// engine differ only in what the call does. Keyed by (shard index, run id).
/// </summary>
public interface IFloorShardGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Calls every device of the slice once; returns how many calls it made.</summary>
    /// <param name="shuffled">Warm rounds call the slice in a seeded shuffled order instead of activation order (<see cref="FloorOrder"/>).</param>
    Task<int> Round(int shards, int devices, int window, int tick, bool shuffled);
}
