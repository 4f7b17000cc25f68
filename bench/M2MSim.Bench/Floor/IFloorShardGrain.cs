namespace M2MSim.Bench.Floor;

/// <summary>
/// Benchmark only: calls its slice of floor devices exactly as a <c>ShardGrain</c> calls its device
/// grains (id mod shards, from the thread pool, a bounded window in flight), so the floor and the
/// engine differ only in what the call does. Keyed by (shard index, run id).
/// </summary>
public interface IFloorShardGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Calls every device of the slice once; returns how many calls it made.</summary>
    /// <param name="order">The order warm rounds call the slice in (<see cref="FloorOrder"/>); the first round activates in slice order.</param>
    Task<int> Round(int shards, int devices, int window, int tick, string order);
}
