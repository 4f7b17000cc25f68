using M2MSim.Economy.Devices;

namespace M2MSim.Grains.Devices;

/// <summary>One device: wallet, inventory and strategy. Keyed by (device id, run id).</summary>
public interface IDeviceGrain : IGrainWithIntegerCompoundKey
{
    Task<Immutable<DeviceStepResult>> Step(int tick, Immutable<DeviceInput> input);

    Task<Immutable<DeviceSnapshot>> Snapshot();

    /// <summary>Ends the activation when the run is over.</summary>
    Task Stop();
}
