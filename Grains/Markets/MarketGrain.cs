using M2MSim.Grains.Coordination;
using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Markets;
using M2MSim.Grains.Shards;

namespace M2MSim.Grains.Markets;

/// <summary>
/// Collects a tick's order batches from the shards, clears them with the market's mechanism, and
/// routes results back by shard. The mechanism lives as long as the activation: a posted price
/// carries its price from tick to tick here.
/// </summary>
[KeepAlive] // the run's state lives only in this activation: the idle collector must never take it mid-run
public sealed class MarketGrain : Grain, IMarketGrain
{
    private MarketSetup? _setup;
    private IMarketMechanism? _mechanism;
    private readonly List<Order> _orders = [];
    private readonly List<Trade> _deals = [];
    private int _tick = -1;
    private MarketOrderCount? _book;
    private OrderResult[] _split = []; // results grouped by shard, reused: at a million orders a fresh array a tick was a large object

    public Task Init(MarketSetup setup)
    {
        _setup = setup;
        _mechanism = MarketMechanisms.Create(setup.Market, setup.Seed);
        return Task.CompletedTask;
    }

    public Task<MarketState> Capture() => Task.FromResult(Mechanism.Capture());

    public Task Restore(MarketState state)
    {
        Mechanism.Restore(state);
        return Task.CompletedTask;
    }

    public Task Submit(int tick, Immutable<ReadOnlyMemory<Order>> orders, Immutable<Trade[]> deals)
    {
        Expect(tick);
        _orders.AddRange(orders.Value.Span);
        _deals.AddRange(deals.Value);
        return Task.CompletedTask;
    }

    public async Task<Immutable<MarketClearing>> Clear(int tick)
    {
        Expect(tick);
        var setup = _setup ?? throw new GrainStateLostException("The market was not initialised.");
        var clearing = Mechanism.Clear(tick, _orders).WithDeals(_deals);
        _book = Book(setup, clearing.Results);
        _orders.Clear();
        _deals.Clear();
        _tick = tick + 1;

        var deliveries = new List<Task>();
        var byShard = ByShard(setup.ShardCount, clearing.Results);
        for (var s = 0; s < byShard.Length; s++)
        {
            if (!byShard[s].IsEmpty)
                deliveries.Add(GrainFactory.GetGrain<IShardGrain>(s, setup.RunId).Deliver(tick, byShard[s].AsImmutable()));
        }
        await Task.WhenAll(deliveries);
        Mechanism.Recycle(clearing); // the shards copied their results before their calls returned: nothing reads them again
        return (clearing with { Results = [] }).AsImmutable();
    }

    public Task<MarketOrderCount> OrderCount() => Task.FromResult(_book ?? new MarketOrderCount(_setup?.Market.Resource.Name() ?? "", 0, 0));

    public Task Stop()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>A market activated again after its silo failed has lost its mechanism: it must fail, never clear afresh.</summary>
    private IMarketMechanism Mechanism => _mechanism ?? throw new GrainStateLostException(
        $"The market {this.GetPrimaryKeyLong(out _)} was not initialised, or lost its state (its silo failed).");

    /// <summary>
    /// Each shard's results, in clearing order: with one shard the clearing's own results, otherwise
    /// slices of one reused buffer, grouped by a counting pass.
    /// </summary>
    private ReadOnlyMemory<OrderResult>[] ByShard(int shards, OrderResult[] results)
    {
        if (shards == 1) return [results];
        var starts = new int[shards + 1];
        foreach (var r in results) starts[r.Device % shards + 1]++;
        for (var s = 0; s < shards; s++) starts[s + 1] += starts[s];
        if (_split.Length < results.Length) _split = new OrderResult[Math.Max(results.Length, 2 * _split.Length)];
        var at = starts[..shards];
        foreach (var r in results) _split[at[r.Device % shards]++] = r;
        return Enumerable.Range(0, shards).Select(s => (ReadOnlyMemory<OrderResult>)_split.AsMemory(starts[s], starts[s + 1] - starts[s])).ToArray();
    }

    /// <summary>One pass over the results the market builds anyway: cheap enough to keep for every tick.</summary>
    private static MarketOrderCount Book(MarketSetup setup, OrderResult[] results)
    {
        var unfilled = 0;
        foreach (var r in results)
        {
            if (r.Filled < r.Quantity) unfilled++;
        }
        return new MarketOrderCount(setup.Market.Resource.Name(), results.Length, unfilled);
    }

    /// <summary>Orders of a tick must not mix with another's: the barrier guarantees it, this checks it.</summary>
    private void Expect(int tick)
    {
        if (_tick == -1) _tick = tick;
        if (tick != _tick) throw new InvalidOperationException($"The {_setup?.Resource} market got tick {tick} while tick {_tick} is open.");
    }
}
