using M2MSim.Grains.Shards;

namespace M2MSim.Bench.Floor;

/// <summary>Benchmark only: see <see cref="IFloorShardGrain"/>. References are cached, as the shard caches its devices', and called through the same <see cref="CallWindow"/>.</summary>
public sealed class FloorShardGrain : Grain, IFloorShardGrain
{
    private IFloorDeviceGrain[]? _devices;

    public async Task<int> Round(int shards, int devices, int window, int tick)
    {
        var index = (int)this.GetPrimaryKeyLong(out var runId);
        if (_devices is null)
        {
            var count = devices > index ? (devices - 1 - index) / shards + 1 : 0;
            _devices = Enumerable.Range(0, count).Select(i => GrainFactory.GetGrain<IFloorDeviceGrain>(index + (long)i * shards, runId!)).ToArray();
        }
        var results = new int[_devices.Length];
        var grains = _devices;
        await CallWindow.RunAsync(grains.Length, window, k => grains[k].Ping(tick), (k, r) => results[k] = r);
        return results.Length;
    }
}
