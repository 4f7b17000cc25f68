using M2MSim.Economy.Checkpoints;

namespace M2MSim.Economy.Simulation;

public sealed partial class DeviceRoster
{
    /// <summary>What the roster holds for a device at a barrier, with the device's state (null: never stepped).</summary>
    public DeviceCheckpoint Capture(int index, DeviceState? state) => throw new NotImplementedException();

    /// <summary>Puts back what a checkpoint holds for a device: its inbox, its messages and its wealth.</summary>
    public void Restore(int index, DeviceCheckpoint checkpoint) => throw new NotImplementedException();

    /// <summary>Sets the money sent and received so far (the engine's totals; only their difference is ever read).</summary>
    public void RestoreTotals(long sent, long received) => throw new NotImplementedException();
}
