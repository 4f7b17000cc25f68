namespace M2MSim.Bench.Floor;

/// <summary>Benchmark only: see <see cref="IFloorShardGrain"/>. References are cached, as the shard caches its devices'.</summary>
public sealed class FloorShardGrain : Grain, IFloorShardGrain
{
    private IFloorDeviceGrain[]? _devices;
    private ParallelOptions _window = new();

    public async Task<int> Round(int shards, int devices, int window, int tick)
    {
        var index = (int)this.GetPrimaryKeyLong(out var runId);
        if (_devices is null)
        {
            var count = devices > index ? (devices - 1 - index) / shards + 1 : 0;
            _devices = Enumerable.Range(0, count).Select(i => GrainFactory.GetGrain<IFloorDeviceGrain>(index + (long)i * shards, runId!)).ToArray();
            _window = new ParallelOptions { MaxDegreeOfParallelism = window };
        }
        var results = new int[_devices.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, _devices.Length), _window,
            async (k, _) => results[k] = await _devices[k].Ping(tick));
        return results.Length;
    }
}
