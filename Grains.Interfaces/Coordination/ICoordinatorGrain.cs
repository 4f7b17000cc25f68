using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Metrics;

namespace M2MSim.Grains.Coordination;

/// <summary>
/// Runs the bulk-synchronous ticks of one run: every shard steps, every market clears, then the
/// barrier checks money conservation. Keyed by run id.
/// </summary>
public interface ICoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Creates the shards and markets; returns the initial money supply.</summary>
    Task<long> Start(RunSetup setup);

    /// <summary>
    /// Instead of <see cref="Start"/>: creates the shards and markets as a checkpoint left them, but
    /// for the devices, which the caller then hands to each shard (<see cref="IShardGrain.Restore"/>).
    /// </summary>
    Task Restore(RunSetup setup, Immutable<Checkpoint> checkpoint);

    Task<Immutable<TickReport>> RunTick(int tick);

    /// <summary>The run at the last barrier, but for its devices (read from the shards in pages).</summary>
    Task<Immutable<Checkpoint>> Capture(int ticks);

    /// <summary>Delivers the last tick's results; checks money once more.</summary>
    Task Settle(int tick);

    Task<int> ShardCount();

    Task<Immutable<DeviceSnapshot[]>> Devices(int shard, int from, int count);

    /// <summary>The wealth distribution, the richest devices and the markets' books at the last barrier, for the dashboard.</summary>
    Task<Immutable<LiveEconomy>> Live(int richest);

    /// <summary>Deactivates every grain of the run.</summary>
    Task Stop();
}
