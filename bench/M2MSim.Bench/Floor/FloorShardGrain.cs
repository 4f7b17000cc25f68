using M2MSim.Grains.Shards;

namespace M2MSim.Bench.Floor;

/// <summary>Benchmark only: see <see cref="IFloorShardGrain"/>. References are cached, as the shard caches its devices', and called through the same <see cref="CallWindow"/>.</summary>
public sealed class FloorShardGrain : Grain, IFloorShardGrain
{
    private IFloorDeviceGrain[]? _devices;
    private (string Name, int[] Positions)? _order;

    public async Task<int> Round(int shards, int devices, int window, int tick, string order)
    {
        var index = (int)this.GetPrimaryKeyLong(out var runId);
        if (_devices is null)
        {
            var count = devices > index ? (devices - 1 - index) / shards + 1 : 0;
            _devices = Enumerable.Range(0, count).Select(i => GrainFactory.GetGrain<IFloorDeviceGrain>(index + (long)i * shards, runId!)).ToArray();
        }
        // The first round activates in slice order, as the engine's tick 0 does; later rounds call in the
        // order asked, built in that first round, which is not part of the floor's calls per second.
        if (_order?.Name != order) _order = (order, FloorOrder.Of(_devices.Length, order, index));
        var positions = tick == 0 && order != FloorOrder.Activation ? FloorOrder.Of(_devices.Length, FloorOrder.Activation, index) : _order!.Value.Positions;
        var results = new int[_devices.Length];
        var grains = _devices;
        await CallWindow.RunAsync(grains.Length, window, k => grains[positions[k]].Ping(tick), (k, r) => results[positions[k]] = r);
        return results.Length;
    }
}
