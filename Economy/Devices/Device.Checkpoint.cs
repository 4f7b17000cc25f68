using M2MSim.Economy.Checkpoints;

namespace M2MSim.Economy.Devices;

public sealed partial class Device
{
    /// <summary>The device's state at a barrier, as plain data.</summary>
    public DeviceState Capture() => throw new NotImplementedException();

    /// <summary>Rebuilds a device from its spec and a captured state.</summary>
    public static Device Restore(DeviceSpec spec, DeviceState state) => throw new NotImplementedException();
}
