using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Devices;

namespace M2MSim.Grains.Devices;

/// <summary>One device: wallet, inventory and strategy. Keyed by (device id, run id).</summary>
public interface IDeviceGrain : IGrainWithIntegerCompoundKey
{
    /// <remarks>
    /// A <see cref="ValueTask{TResult}"/>: a step always completes at once, and a <see cref="Task{TResult}"/>
    /// cost two objects a call, the grain's finished task and the caller's task around Orleans' own
    /// value task. Input and result are <c>[Immutable]</c> types, passed without copying; an
    /// <see cref="Immutable{T}"/> around them was boxed once more per call. On the money model the two
    /// took 1,640 bytes allocated per device step to 1,213 (docs/performance.md).
    /// </remarks>
    ValueTask<DeviceStep> Step(int tick, DeviceInput input);

    Task<Immutable<DeviceSnapshot>> Snapshot();

    /// <summary>The device's whole state, for a checkpoint at a tick barrier.</summary>
    Task<Immutable<DeviceState>> Capture();

    /// <summary>Ends the activation when the run is over.</summary>
    Task Stop();
}
