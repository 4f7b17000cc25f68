using M2MSim.Grains.Coordination;
using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Devices;

namespace M2MSim.Grains.Devices;

/// <summary>
/// A thin actor around <see cref="Device"/>: all behaviour lives in the economy, so the grain and
/// the reference engine step exactly the same code.
/// Placed on the silo of its first caller, which is the shard that steps it every tick: a tick's
/// device calls then stay inside one silo (docs/cluster.md). On one silo this changes nothing.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
[KeepAlive] // its state lives only in this activation: the idle collector must never take it (a device may sleep for many ticks)
public sealed class DeviceGrain : Grain, IDeviceGrain
{
    private Device? _device;

    public ValueTask<DeviceStep> Step(int tick, DeviceInput input)
    {
        if (_device is null)
        {
            // No spec means the shard initialised this device before and its activation was lost:
            // continuing from a fresh wallet would silently create money.
            var spec = input.Spec ?? throw new GrainStateLostException(
                $"Device {this.GetPrimaryKeyLong(out _)} lost its state (its activation was collected or its silo failed) before tick {tick}.");
            _device = input.State is { } state ? Device.Restore(spec, state) : new Device(spec);
        }
        var result = _device.Step(tick, input.Settlements.Span, input.Final, input.Tapes, input.Incoming.Span, input.Ledger);
        if (!input.MayPark || !result.Quiet) return new(new DeviceStep(result));

        // Idle until its next active tick: the shard keeps the state (a few hundred bytes) instead
        // of this activation, and the next step brings it back.
        var parked = _device.Capture();
        _device = null;
        DeactivateOnIdle();
        return new(new DeviceStep(result, parked));
    }

    public Task<Immutable<DeviceSnapshot>> Snapshot()
    {
        var device = _device ?? throw new InvalidOperationException($"Device {this.GetPrimaryKeyLong(out _)} was never started.");
        return Task.FromResult(new Immutable<DeviceSnapshot>(device.Snapshot()));
    }

    public Task<Immutable<DeviceState>> Capture()
    {
        var device = _device ?? throw new InvalidOperationException($"Device {this.GetPrimaryKeyLong(out _)} was never started.");
        return Task.FromResult(new Immutable<DeviceState>(device.Capture()));
    }

    public Task Stop()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
