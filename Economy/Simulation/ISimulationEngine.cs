using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Metrics;

namespace M2MSim.Economy.Simulation;

/// <summary>
/// What drives a run, tick by tick: the Orleans grains or the in-process reference loop. The
/// caller runs ticks 0 … Ticks−1, then <see cref="SettleAsync"/>, then reads the devices.
/// Every method checks money conservation at its barrier and throws
/// <see cref="MoneyNotConservedException"/> when it fails.
/// </summary>
public interface ISimulationEngine : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Silos in the cluster the run uses (0 for an engine without Orleans); known after start.</summary>
    int Silos { get; }

    /// <summary>Builds the devices and markets; returns the initial money supply.</summary>
    Task<long> StartAsync(CancellationToken cancellationToken);

    Task<TickReport> RunTickAsync(int tick, CancellationToken cancellationToken);

    /// <summary>Delivers the last tick's results so every device ends with an empty escrow.</summary>
    Task SettleAsync(int tick, CancellationToken cancellationToken);

    /// <summary>Final device states in id order, in pages so millions fit in memory.</summary>
    IAsyncEnumerable<DeviceSnapshot> DevicesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The economy at the barrier after <paramref name="ticks"/> ticks (call between ticks, before the
    /// final settlement); the devices follow from <see cref="CaptureDevicesAsync"/>.
    /// </summary>
    Task<Checkpoint> CaptureAsync(int ticks, CancellationToken cancellationToken);

    /// <summary>Every device at the same barrier as <see cref="CaptureAsync"/>, in id order, in pages.</summary>
    IAsyncEnumerable<DeviceCheckpoint> CaptureDevicesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Instead of <see cref="StartAsync"/>: builds the devices and markets as a checkpoint left them
    /// (devices in id order, every one of them); the run goes on with tick <see cref="Checkpoint.Ticks"/>.
    /// Returns the initial money supply.
    /// </summary>
    Task<long> RestoreAsync(Checkpoint checkpoint, IAsyncEnumerable<DeviceCheckpoint> devices, CancellationToken cancellationToken);
}
