using System.Diagnostics;
using M2MSim.Bench.Floor;
using M2MSim.Simulator.Engines;

namespace M2MSim.Bench.Measuring;

/// <summary>
/// The engine "floor": Orleans alone, without the economy. As many empty grains as the model has
/// devices, activated by a first round of calls and called in warm rounds as the engine calls its
/// devices, in a silo with nothing else in it. Its memory is what one activation per device costs
/// before any device state; its seconds per round are what one call per device costs before any work.
/// </summary>
public static class FloorAlone
{
    public const string Engine = "floor";

    public static async Task<Measurement> MeasureAsync(ChildRequest request)
    {
        var devices = request.Devices;
        try
        {
            devices = BenchModels.Load(request.Model, request.Devices, 2).DeviceCount;
            if (request.FloorRounds < 1) throw new ArgumentException("The floor alone needs at least one warm round (FloorRounds ≥ 1).");
            FloorOrder.Of(0, request.FloorOrder, 0); // an unknown order is refused before the silo starts
            var clock = Stopwatch.StartNew();
            var silo = await EmbeddedSilo.StartAsync(CancellationToken.None, null);
            var start = clock.Elapsed.TotalSeconds;
            // Warmed up in time, as an engine's run is: the calls' code is compiled and optimised over the first second or two.
            var floor = await ActorFloor.MeasureAsync(silo.GrainFactory, devices, request.Shards, request.Parallelism, request.FloorRounds, request.FloorOrder, request.WarmupSeconds, ChildRun.FloorProgress);
            // The silo is left as it is, as after an engine's run: the process exits without deactivating.
            return new Measurement(request.Model, Engine, request.Gc, devices, floor.Rounds, start, floor.ActivationSeconds,
                devices / floor.CallsPerSecond, devices, 0, floor.ActivationSeconds, floor.CallsPerSecond, ProcMemory.PeakResidentBytes(),
                LiveHeapBytes: ProcMemory.LiveHeapBytes(), Note: $"s/tick: a round of one call to each grain; warm-up {floor.Rounds - 1 - request.FloorRounds} rounds",
                AllocatedBytesPerStep: floor.AllocatedBytesPerCall, GcPausedShare: floor.PausedShare);
        }
        catch (Exception e)
        {
            return new Measurement(request.Model, Engine, request.Gc, devices, 0, 0, 0, 0, 0, 0, null, null, ProcMemory.PeakResidentBytes(), $"{e.GetType().Name}: {e.Message}");
        }
    }
}
