using System.Diagnostics.Metrics;
using M2MSim.Grains.Shards;

namespace M2MSim.Bench.Measuring;

/// <summary>
/// Listens to the shards' <see cref="ShardPhases"/> in this process and sums them between two
/// <see cref="Take"/>s: a tick's device calls, against the rest of it. The shards record before they
/// answer the coordinator, so a tick's figures are all in once its tick has returned.
/// </summary>
public sealed class ShardPhaseListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private double _calls;
    private int _shards;

    public ShardPhaseListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ShardPhases.MeterName && instrument.Name == ShardPhases.DeviceCalls) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
        {
            lock (_lock)
            {
                _calls += seconds;
                _shards++;
            }
        });
        _listener.Start();
    }

    /// <summary>Since the last take: the shards' device calls in seconds, averaged over the shards' steps (null: no shard stepped).</summary>
    public double? Take()
    {
        lock (_lock)
        {
            double? taken = _shards > 0 ? _calls / _shards : null;
            (_calls, _shards) = (0, 0);
            return taken;
        }
    }

    public void Dispose() => _listener.Dispose();
}
