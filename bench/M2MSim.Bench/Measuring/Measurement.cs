namespace M2MSim.Bench.Measuring;

/// <summary>What one child process measured: one model, one engine, one garbage collector, one size.</summary>
/// <param name="Ticks">Ticks completed.</param>
/// <param name="StartSeconds">Engine start: the silo, the coordinator and every device spec built (no device grain yet).</param>
/// <param name="FirstTickSeconds">Tick 0, which in the grains also activates every device it steps.</param>
/// <param name="LaterTickSeconds">Mean seconds per tick in steady state: over the ticks after the warm-up (--warmup, and at least the longest `every` of the model, so no measured tick pays first activations); over ticks 1 … Ticks−1 when the run is shorter than that.</param>
/// <param name="StepsPerTick">Mean device steps (grain calls to devices) per tick over ticks 1 … Ticks−1 (ticks.csv active_devices).</param>
/// <param name="BatchCallsPerTick">The engine's other grain calls per tick, at most: the coordinator's tick, each shard's step and message delivery, each shard's order batch to each market and each market's results to each shard, each market's clearing (0 for the reference engine).</param>
/// <param name="FloorActivationSeconds">Orleans only: first calls to as many empty grains as devices.</param>
/// <param name="FloorCallsPerSecond">Orleans only: warm empty calls per second, same shards and window, same process, after the run.</param>
/// <param name="PeakRssBytes">The process's peak resident memory (VmHWM) at the end of the run, before the floor.</param>
/// <param name="LiveHeapBytes">The managed heap after a full compacting collection at the end of the run, before the floor
/// (what the run keeps alive; the rest of the resident memory is the runtime, garbage not collected yet and the collector's headroom); 0 if not measured.</param>
/// <param name="Note">What else the row needs said (the dashboard's live updates received); the error, if any, instead.</param>
/// <param name="AllocatedBytesPerStep">Bytes the whole process allocated over the measured ticks, per device step in them: what
/// the collector has to clear up per step (for the grains mostly the runtime's messages; docs/performance.md).</param>
/// <param name="GcPausedShare">The share of the measured ticks' time the process was paused for collections.</param>
/// <param name="CallPhaseSeconds">Orleans only: mean seconds per measured tick a shard spent calling its devices, from the
/// first call out to the last result recorded (<see cref="M2MSim.Grains.Shards.ShardPhases"/>); the rest of the tick is the
/// engine's own work between the calls (due devices, markets, messages, metrics).</param>
/// <remarks>Null figures were not measured (a row rebuilt from a child that failed, or a run without ticks to measure).</remarks>
public sealed record Measurement(
    string Model,
    string Engine,
    string Gc,
    int Devices,
    int Ticks,
    double StartSeconds,
    double FirstTickSeconds,
    double LaterTickSeconds,
    double StepsPerTick,
    long BatchCallsPerTick,
    double? FloorActivationSeconds,
    double? FloorCallsPerSecond,
    long PeakRssBytes,
    string? Error = null,
    long LiveHeapBytes = 0,
    string? Note = null,
    double? AllocatedBytesPerStep = null,
    double? GcPausedShare = null,
    double? CallPhaseSeconds = null)
{
    public double StepsPerSecond => LaterTickSeconds > 0 ? StepsPerTick / LaterTickSeconds : 0;

    /// <summary>The engine's device calls per second over the floor's empty calls per second.</summary>
    public double? FloorRatio => FloorCallsPerSecond is > 0 && Engine != FloorAlone.Engine ? StepsPerSecond / FloorCallsPerSecond : null;

    /// <summary>The engine's device calls per second while a shard is calling them, over the floor's empty calls per second:
    /// how close each call comes to an empty one, whatever else the tick does.</summary>
    public double? CallPhaseFloorRatio => CallPhaseSeconds is > 0 && FloorCallsPerSecond is > 0 ? StepsPerTick / CallPhaseSeconds / FloorCallsPerSecond : null;

    public double PeakBytesPerDevice => Devices > 0 ? (double)PeakRssBytes / Devices : 0;
}
