using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Settlement;

namespace M2MSim.Grains.Shards;

/// <summary>
/// Steps a slice of the devices and batches their traffic, so that everything but the device
/// calls costs O(shards + markets) messages per tick. Keyed by (shard index, run id).
/// </summary>
public interface IShardGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Builds the shard's device specs; returns their initial money.</summary>
    Task<long> Init(ShardSetup setup);

    /// <summary>Steps every device that has results to settle or scheduled work, then sends the orders to the markets.</summary>
    /// <param name="tapes">The previous tick's market tapes, handed to every device stepped.</param>
    /// <param name="ledger">The settlement ledger as of this tick, handed to every device stepped (null: the scenario has none).</param>
    Task<Immutable<ShardTickReport>> Step(int tick, bool final, Immutable<MarketTape[]> tapes, Immutable<LedgerView?> ledger);

    /// <summary>
    /// A market's results for this shard's orders: copied into the devices' inboxes before it
    /// returns, for their next step (the market then reuses the memory).
    /// </summary>
    Task Deliver(int tick, Immutable<ReadOnlyMemory<OrderResult>> results);

    /// <summary>Messages sent to this shard's devices: held for their next step.</summary>
    Task DeliverMessages(int tick, Immutable<PeerMessage[]> transfers);

    /// <summary>Final device states, a page at a time, in id order within the shard.</summary>
    Task<Immutable<DeviceSnapshot[]>> Devices(int from, int count);

    Task<int> DeviceCount();

    /// <summary>Devices the shard holds as state rather than as an activation: deactivated while idle, or restored and not stepped since.</summary>
    Task<int> HeldAsState();

    /// <summary>A page of the shard's devices at a tick barrier, with what it holds for their next step, in id order.</summary>
    Task<Immutable<DeviceCheckpoint[]>> Capture(int from, int count);

    /// <summary>
    /// After <see cref="Init"/>, before the first tick: the shard's devices as a checkpoint left them,
    /// in pages, in any order; each device once (the caller checks that every device is given).
    /// </summary>
    Task Restore(Immutable<DeviceCheckpoint[]> devices);

    Task Stop();
}
