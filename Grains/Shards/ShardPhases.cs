using System.Diagnostics.Metrics;

namespace M2MSim.Grains.Shards;

/// <summary>
/// Where a shard's tick goes, as .NET metrics (meter <see cref="MeterName"/>): the time its device
/// calls take, from the first call out to the last result recorded. The benchmark reads it to split
/// a tick into the calls and the rest; dotnet-counters and any OpenTelemetry exporter can read it
/// too. While nothing listens, recording is a check of a flag.
/// </summary>
public static class ShardPhases
{
    public const string MeterName = "M2MSim.Shards";

    /// <summary>Seconds of one shard's device calls in one tick.</summary>
    public const string DeviceCalls = "m2msim.shard.device_calls.duration";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Histogram<double> DeviceCallsSeconds =
        Meter.CreateHistogram<double>(DeviceCalls, "s", "A shard's device calls in one tick, from the first call out to the last result recorded.");
}
