using System.Diagnostics;
using System.Runtime.InteropServices;
using M2MSim.Grains.Coordination;
using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Settlement;
using M2MSim.Economy.Simulation;
using M2MSim.Grains.Devices;
using M2MSim.Grains.Markets;

namespace M2MSim.Grains.Shards;

/// <summary>
/// Owns the devices whose id mod ShardCount is its index. Per tick it calls only the devices that
/// have results to settle or scheduled work, a bounded window at a time, then sends one order
/// batch per market. Local index i is device id Index + i × ShardCount.
/// </summary>
[KeepAlive] // the run's state lives only in this activation: the idle collector must never take it mid-run
public sealed class ShardGrain : Grain, IShardGrain
{
    private ShardSetup _setup = null!;
    private DeviceRoster _roster = null!;
    private MarketSpec[] _markets = [];
    private IDeviceGrain?[] _devices = []; // for devices activated (a reference costs ~100 bytes: none for a device never stepped or held as state)
    private bool[] _started = [];
    private DeviceState?[] _restored = []; // from a checkpoint or a deactivation, for devices not stepped since
    private bool[] _given = []; // restored from a checkpoint (each device once)
    private bool _stepped; // a tick has begun: a checkpoint can no longer be restored into this shard
    private ParallelOptions _window = new();

    // A tick's scratch, reused: fresh ones each tick were large-object allocations at a million
    // devices, and those bring on full collections.
    private readonly InOrder<DeviceStep> _results = new();
    private readonly List<PeerMessage> _transfers = [];
    private readonly List<PeerMessage> _outgoing = [];
    private readonly long[][] _wealth = [[], []];
    private Order[][] _orders = []; // per market: what the market is sent
    private int _reports; // reports sent: which wealth buffer the next one takes

    public Task<long> Init(ShardSetup setup)
    {
        if (setup.ShardCount < 1 || setup.Index < 0 || setup.Index >= setup.ShardCount || setup.Parallelism < 1 || setup.DeactivateIdle < 0)
            throw new ArgumentOutOfRangeException(nameof(setup), setup, "Invalid shard setup.");
        _setup = setup;
        var scenario = ScenarioJson.Deserialize(setup.ScenarioJson);
        var builder = new PopulationBuilder(scenario);
        var count = builder.DeviceCount > setup.Index ? (builder.DeviceCount - 1 - setup.Index) / setup.ShardCount + 1 : 0;
        var specs = Enumerable.Range(0, count).Select(i => builder.Build(Id(i))).ToArray();
        _markets = MarketOrder.Of(scenario);
        _orders = _markets.Select(_ => Array.Empty<Order>()).ToArray();
        _roster = new DeviceRoster(specs, _markets, scenario.Types);
        _devices = new IDeviceGrain?[count];
        _started = new bool[count];
        _restored = new DeviceState?[count];
        _given = new bool[count];
        _roster.RestoreTotals(setup.Sent, setup.Received);
        _window = new ParallelOptions { MaxDegreeOfParallelism = setup.Parallelism };
        return Task.FromResult(_roster.InitialSupply);
    }

    public async Task<Immutable<ShardTickReport>> Step(int tick, bool final, Immutable<MarketTape[]> tapes, Immutable<LedgerView?> ledger)
    {
        var due = Initialised.TakeDue(tick, final);
        _stepped = true;
        foreach (var d in due) _devices[d.Index] ??= GrainFactory.GetGrain<IDeviceGrain>(Id(d.Index), _setup.RunId);

        // Device calls run from the thread pool in a bounded window. Their results are recorded in
        // roster order, a batch at a time, while later calls are still out (see InOrder), while
        // the shard's turn awaits the window: no other turn of the shard runs meanwhile. An input is
        // built just before its call, so it dies young, as a result does once recorded; what it hands
        // the device are the roster's slices for the tick (DeviceInput). A device's first step, or its
        // first after a deactivation, carries its spec and state.
        DeviceInput Input(int k)
        {
            var (i, settlements, incoming) = (due[k].Index, due[k].Settlements, due[k].Incoming);
            return _started[i]
                ? new DeviceInput(null, settlements, final, tapes.Value, incoming, Ledger: ledger.Value, MayPark: MayPark(i, tick, final))
                : new DeviceInput(_roster[i], settlements, final, tapes.Value, incoming, _restored[i], ledger.Value, MayPark(i, tick, final));
        }
        long fees = 0;
        var batches = _roster.EmptyBatches();
        var transfers = _transfers;
        transfers.Clear();
        _results.Begin(due.Count, (k, step) =>
        {
            var i = due[k].Index;
            fees += _roster.Record(i, tick, step.Result, step.Result.Messages, batches, transfers);
            if (step.Parked is { } parked)
            {
                // Deactivated: the shard holds its state until its next step, as for a device restored from a checkpoint.
                _started[i] = false;
                _restored[i] = parked;
                _devices[i] = null;
            }
            else
            {
                _started[i] = true;
                _restored[i] = null;
            }
        });
        var calling = Stopwatch.GetTimestamp();
        await CallWindow.RunAsync(due.Count, _setup.Parallelism, k => _devices[due[k].Index]!.Step(tick, Input(k)), _results.Done);
        _results.End();
        ShardPhases.DeviceCallsSeconds.Record(Stopwatch.GetElapsedTime(calling).TotalSeconds);
        var outgoing = DeliverOwn(transfers);

        var sends = new List<Task>();
        for (var m = 0; m < _markets.Length; m++)
        {
            if (!batches[m].IsEmpty)
                sends.Add(GrainFactory.GetGrain<IMarketGrain>((long)_markets[m].Resource, _setup.RunId)
                    .Submit(tick, Orders(m, batches[m].Orders).AsImmutable(), batches[m].Deals.ToArray().AsImmutable()));
        }
        await Task.WhenAll(sends);
        return new ShardTickReport(Wealth(), fees, due.Count, outgoing, _roster.Sent, _roster.Received, transfers.Count, _roster.Offline, _roster.Lost, _roster.OfflineByType.ToArray(), _roster.Ledger).AsImmutable();
    }

    /// <summary>
    /// Delivers the messages sent to this shard's own devices (all of them, with one shard) and
    /// returns the rest, for the coordinator to route. A device sorts what it is handed by sender
    /// (stably), and one sender's messages all come from its own shard in the order sent, whichever
    /// way they travel: so delivering these before the other shards' changes nothing. At a million
    /// gifts a tick, the two copies that routing through the coordinator made were a hundred
    /// megabytes of large objects a tick.
    /// </summary>
    private PeerMessage[] DeliverOwn(List<PeerMessage> transfers)
    {
        var others = _outgoing;
        others.Clear();
        foreach (var t in transfers)
        {
            if (t.To % _setup.ShardCount == _setup.Index) _roster.Deliver((t.To - _setup.Index) / _setup.ShardCount, t);
            else others.Add(t);
        }
        return others.Count == 0 ? [] : others.ToArray();
    }

    /// <summary>
    /// Market m's orders, in a buffer of the shard's that the market copies from before its call
    /// returns: a fresh array a tick was a large object at a million orders.
    /// </summary>
    private ReadOnlyMemory<Order> Orders(int m, List<Order> orders)
    {
        ref var buffer = ref _orders[m];
        if (buffer.Length < orders.Count) buffer = new Order[Math.Max(orders.Count, 2 * buffer.Length)];
        CollectionsMarshal.AsSpan(orders).CopyTo(buffer);
        return buffer.AsMemory(0, orders.Count);
    }

    /// <summary>
    /// The wallets for the barrier, in one of two buffers taken in turn: the coordinator keeps the
    /// last step's report for the dashboard while the next step writes the other one, and a fresh
    /// array a step was a large object at a million devices. (Across silos the report is a copy anyway.)
    /// </summary>
    private long[] Wealth()
    {
        ref var buffer = ref _wealth[_reports++ & 1];
        if (buffer.Length != _roster.Count) buffer = new long[_roster.Count];
        _roster.Wealth.CopyTo(buffer);
        return buffer;
    }

    public Task Deliver(int tick, Immutable<ReadOnlyMemory<OrderResult>> results)
    {
        _ = Initialised;
        foreach (var r in results.Value.Span)
        {
            var i = (r.Device - _setup.Index) / _setup.ShardCount;
            if (r.Device % _setup.ShardCount != _setup.Index) throw new InvalidOperationException($"Shard {_setup.Index} received a result for device {r.Device}.");
            _roster.Deliver(i, r);
        }
        return Task.CompletedTask;
    }

    public Task DeliverMessages(int tick, Immutable<PeerMessage[]> transfers)
    {
        _ = Initialised;
        foreach (var t in transfers.Value)
        {
            if (t.To % _setup.ShardCount != _setup.Index) throw new InvalidOperationException($"Shard {_setup.Index} received a transfer for device {t.To}.");
            _roster.Deliver((t.To - _setup.Index) / _setup.ShardCount, t);
        }
        return Task.CompletedTask;
    }

    public async Task<Immutable<DeviceSnapshot[]>> Devices(int from, int count)
    {
        var end = Math.Min(Initialised.Count, from + count);
        var page = new DeviceSnapshot[Math.Max(0, end - from)];
        await Parallel.ForEachAsync(Enumerable.Range(from, page.Length), _window,
            async (i, _) => page[i - from] = _started[i]
                ? (await _devices[i]!.Snapshot()).Value
                : Unstepped(i).Snapshot()); // not stepped: still as built or restored
        return page.AsImmutable();
    }

    public async Task<Immutable<DeviceCheckpoint[]>> Capture(int from, int count)
    {
        var end = Math.Min(Initialised.Count, from + count);
        var page = new DeviceCheckpoint[Math.Max(0, end - from)];
        await Parallel.ForEachAsync(Enumerable.Range(from, page.Length), _window,
            async (i, _) => page[i - from] = _roster.Capture(i, _started[i] ? (await _devices[i]!.Capture()).Value : _restored[i]));
        return page.AsImmutable();
    }

    public Task Restore(Immutable<DeviceCheckpoint[]> devices)
    {
        // Pages may arrive in any order (Orleans does not order one caller's calls), so each device goes to its own slot.
        _ = Initialised;
        foreach (var d in devices.Value)
        {
            var i = (d.Id - _setup.Index) / _setup.ShardCount;
            if (d.Id % _setup.ShardCount != _setup.Index || i >= _roster.Count)
                throw new InvalidOperationException($"Shard {_setup.Index} was given device {d.Id} from the checkpoint, which is not its own.");
            if (_stepped || _given[i])
                throw new InvalidOperationException($"Shard {_setup.Index} was given device {d.Id} twice, or after the run stepped it.");
            _roster.Restore(i, d);
            _restored[i] = d.State;
            _given[i] = true;
        }
        return Task.CompletedTask;
    }

    public Task<int> DeviceCount() => Task.FromResult(_roster.Count);

    public Task<int> HeldAsState() => Task.FromResult(_restored.Count(s => s is not null));

    public async Task Stop()
    {
        if (_setup is not null)
            await Parallel.ForEachAsync(Enumerable.Range(0, _roster.Count).Where(i => _started[i]), _window, async (i, _) => await _devices[i]!.Stop());
        DeactivateOnIdle();
    }

    private int Id(int local) => _setup.Index + local * _setup.ShardCount;

    /// <summary>Whether the device may deactivate after this step: its next scheduled one is far enough away (--deactivate-idle).</summary>
    private bool MayPark(int i, int tick, bool final) => !final && _setup.DeactivateIdle > 0 && _roster[i].TicksToNextActive(tick) > _setup.DeactivateIdle;

    /// <summary>A shard activated again after its silo failed has lost its devices' bookkeeping: it must fail, never step afresh.</summary>
    private DeviceRoster Initialised => _roster ?? throw new GrainStateLostException(
        $"Shard {this.GetPrimaryKeyLong(out _)} was not initialised, or lost its state (its silo failed).");

    private Device Unstepped(int i) => _restored[i] is { } state ? Device.Restore(_roster[i], state) : new Device(_roster[i]);
}
