using System.Diagnostics;

namespace M2MSim.Bench.Floor;

/// <summary>
/// Measures the actor floor in the running silo: one round of first calls (activations), then
/// warm rounds of empty calls to every floor device, with the engine's shard count and window.
/// </summary>
public static class ActorFloor
{
    /// <param name="warmupSeconds">Rounds run after the first and not measured, until this long has passed: a floor
    /// measured after an engine's run needs none (its code is compiled and optimised already); the floor alone does.</param>
    /// <param name="progress">Told each round's number and seconds as it ends: at a million grains a round takes seconds, the first a quarter of a minute.</param>
    public static async Task<FloorResult> MeasureAsync(IGrainFactory grains, int devices, int shards, int window, int warmRounds, string order = FloorOrder.Activation,
        double warmupSeconds = 0, Action<int, double>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(warmRounds, 1); // the calls per second are measured over them
        var runId = $"floor/{Guid.NewGuid():N}";
        var shardGrains = Enumerable.Range(0, shards).Select(s => grains.GetGrain<IFloorShardGrain>(s, runId)).ToArray();

        async Task<(double Seconds, long Calls)> Round(int tick)
        {
            var clock = Stopwatch.StartNew();
            var calls = await Task.WhenAll(shardGrains.Select(s => s.Round(shards, devices, window, tick, order)));
            var seconds = clock.Elapsed.TotalSeconds;
            progress?.Invoke(tick, seconds);
            return (seconds, calls.Sum(c => (long)c));
        }

        var activation = await Round(0);
        var tick = 1;
        for (double warming = 0; warming < warmupSeconds; tick++) warming += (await Round(tick)).Seconds;
        double seconds = 0;
        long warm = 0;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var paused = GC.GetTotalPauseDuration();
        for (var r = 0; r < warmRounds; r++, tick++)
        {
            var (s, c) = await Round(tick);
            seconds += s;
            warm += c;
        }
        return new FloorResult(activation.Seconds, warm / seconds, (double)(GC.GetTotalAllocatedBytes(precise: true) - allocated) / warm,
            (GC.GetTotalPauseDuration() - paused).TotalSeconds / seconds, tick);
    }
}
