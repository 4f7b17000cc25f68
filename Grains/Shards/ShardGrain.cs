using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Simulation;
using M2MSim.Grains.Devices;
using M2MSim.Grains.Markets;

namespace M2MSim.Grains.Shards;

/// <summary>
/// Owns the devices whose id mod ShardCount is its index. Per tick it calls only the devices that
/// have results to settle or scheduled work, a bounded window at a time, then sends one order
/// batch per market. Local index i is device id Index + i × ShardCount.
/// </summary>
public sealed class ShardGrain : Grain, IShardGrain
{
    private ShardSetup _setup = null!;
    private DeviceSpec[] _specs = [];
    private bool[] _started = [];
    private long[] _wealth = [];
    private List<OrderResult>?[] _inbox = [];
    private IDeviceGrain[] _devices = [];
    private MarketSpec[] _markets = [];

    public Task<long> Init(ShardSetup setup)
    {
        _setup = setup;
        var scenario = ScenarioJson.Deserialize(setup.ScenarioJson);
        var builder = new PopulationBuilder(scenario);
        var count = builder.DeviceCount > setup.Index ? (builder.DeviceCount - 1 - setup.Index) / setup.ShardCount + 1 : 0;
        _specs = new DeviceSpec[count];
        _started = new bool[count];
        _wealth = new long[count];
        _inbox = new List<OrderResult>?[count];
        _devices = new IDeviceGrain[count];
        long supply = 0;
        for (var i = 0; i < count; i++)
        {
            var id = setup.Index + i * setup.ShardCount;
            _specs[i] = builder.Build(id);
            _wealth[i] = _specs[i].InitialBalance;
            _devices[i] = GrainFactory.GetGrain<IDeviceGrain>(id, setup.RunId);
            supply += _wealth[i];
        }
        _markets = MarketOrder.Of(scenario);
        return Task.FromResult(supply);
    }

    public async Task<Immutable<ShardTickReport>> Step(int tick, bool final)
    {
        var work = new List<int>();
        for (var i = 0; i < _specs.Length; i++)
        {
            if (_inbox[i] is not null || (!final && _specs[i].IsActive(tick))) work.Add(i);
        }

        var inputs = new DeviceInput[work.Count];
        for (var k = 0; k < work.Count; k++)
        {
            var i = work[k];
            var settlements = _inbox[i] is { } list ? OrderResults.SortedById(list) : [];
            _inbox[i] = null;
            inputs[k] = new DeviceInput(_started[i] ? null : _specs[i], settlements, final);
            _started[i] = true;
        }

        // Device calls run from the thread pool in a bounded window; results land in their own
        // slots and are merged below, in the shard's turn, in local order.
        var results = new DeviceStepResult[work.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, work.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _setup.Parallelism) },
            async (k, _) => results[k] = (await _devices[work[k]].Step(tick, inputs[k].AsImmutable())).Value);

        long fees = 0;
        var orders = _markets.Select(_ => new List<Order>()).ToArray();
        for (var k = 0; k < work.Count; k++)
        {
            var i = work[k];
            if (tick == _setup.Faults.LoseReplyTick && Id(i) == _setup.Faults.LoseReplyDevice) continue;
            _wealth[i] = results[k].Wealth;
            fees += results[k].FeesPaid;
            foreach (var o in results[k].Orders) orders[MarketIndex(o)].Add(o);
        }

        var sends = new List<Task>();
        for (var m = 0; m < _markets.Length; m++)
        {
            if (orders[m].Count > 0)
                sends.Add(GrainFactory.GetGrain<IMarketGrain>((long)_markets[m].Resource, _setup.RunId).Submit(tick, orders[m].ToArray().AsImmutable()));
        }
        await Task.WhenAll(sends);
        return new ShardTickReport((long[])_wealth.Clone(), fees, work.Count).AsImmutable();
    }

    public Task Deliver(int tick, Immutable<OrderResult[]> results)
    {
        foreach (var r in results.Value)
        {
            var i = (r.Device - _setup.Index) / _setup.ShardCount;
            if (Id(i) != r.Device) throw new InvalidOperationException($"Shard {_setup.Index} received a result for device {r.Device}.");
            (_inbox[i] ??= []).Add(r);
        }
        return Task.CompletedTask;
    }

    public async Task<Immutable<DeviceSnapshot[]>> Devices(int from, int count)
    {
        var end = Math.Min(_specs.Length, from + count);
        var page = new DeviceSnapshot[Math.Max(0, end - from)];
        await Parallel.ForEachAsync(Enumerable.Range(from, page.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _setup.Parallelism) },
            async (i, _) => page[i - from] = _started[i]
                ? (await _devices[i].Snapshot()).Value
                : new Device(_specs[i]).Snapshot()); // never stepped: still its initial state
        return page.AsImmutable();
    }

    public Task<int> DeviceCount() => Task.FromResult(_specs.Length);

    public async Task Stop()
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, _specs.Length).Where(i => _started[i]),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _setup.Parallelism) },
            async (i, _) => await _devices[i].Stop());
        DeactivateOnIdle();
    }

    private int Id(int local) => _setup.Index + local * _setup.ShardCount;

    private int MarketIndex(Order o)
    {
        for (var m = 0; m < _markets.Length; m++)
        {
            if (_markets[m].Resource == o.Resource) return m;
        }
        throw new InvalidOperationException($"Device {o.Device} sent an order for {o.Resource}, which has no market.");
    }
}
