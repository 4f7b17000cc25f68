using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Devices;

namespace M2MSim.Grains.Devices;

/// <summary>One device: wallet, inventory and strategy. Keyed by (device id, run id).</summary>
public interface IDeviceGrain : IGrainWithIntegerCompoundKey
{
    Task<Immutable<DeviceStep>> Step(int tick, Immutable<DeviceInput> input);

    Task<Immutable<DeviceSnapshot>> Snapshot();

    /// <summary>The device's whole state, for a checkpoint at a tick barrier.</summary>
    Task<Immutable<DeviceState>> Capture();

    /// <summary>Ends the activation when the run is over.</summary>
    Task Stop();
}
