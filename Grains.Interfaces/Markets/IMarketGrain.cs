using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Markets;

namespace M2MSim.Grains.Markets;

/// <summary>One resource's market, cleared by the mechanism its scenario names. Keyed by (resource, run id).</summary>
public interface IMarketGrain : IGrainWithIntegerCompoundKey
{
    Task Init(MarketSetup setup);

    /// <summary>What the mechanism carries to the next tick, for a checkpoint at a tick barrier.</summary>
    Task<MarketState> Capture();

    /// <summary>After <see cref="Init"/>, before the first tick: goes on from a checkpoint's state.</summary>
    Task Restore(MarketState state);

    /// <summary>
    /// A shard's orders for the tick, and the deals its devices negotiated, in one batch. The market
    /// copies them before it returns: the shard writes its next tick's orders into the same buffer.
    /// </summary>
    Task Submit(int tick, Immutable<ReadOnlyMemory<Order>> orders, Immutable<Trade[]> deals);

    /// <summary>
    /// Clears the tick, sends each shard the results of its orders, and returns the trades and
    /// closing quotes (without the per-order results, which went to the shards).
    /// </summary>
    Task<Immutable<MarketClearing>> Clear(int tick);

    /// <summary>The book at the close of the last tick cleared, for the dashboard.</summary>
    Task<MarketOrderCount> OrderCount();

    Task Stop();
}
