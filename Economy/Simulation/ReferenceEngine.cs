using System.Runtime.CompilerServices;
using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Metrics;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Settlement;

namespace M2MSim.Economy.Simulation;

/// <summary>
/// The same devices and markets as the grains, stepped without actors. It is the test oracle (the
/// Orleans engine must write exactly its files) and the no-actor baseline. A tick's due devices
/// step on every core, as the device grains do: a step reads only its own device and inputs, and
/// what the steps return is recorded in one thread, in due order, which is what the files depend on.
/// </summary>
/// <param name="parallelism">Threads that step devices at once (0: one per core; 1: the calling thread only).</param>
public sealed class ReferenceEngine(Scenario scenario, int parallelism = 0) : ISimulationEngine
{
    private Device[] _devices = [];
    private bool[] _stepped = []; // a device never stepped is captured without state, as the grains do
    private DeviceRoster _roster = null!;
    private IMarketMechanism[] _markets = [];
    private long _fees;
    private MarketTape[] _tapes = MarketTapes.None; // the previous tick's, for devices that learn
    private readonly bool _learners = MarketTapes.Needed(scenario);
    private SettlementLedger? _ledger;
    private long _supply; // the devices' money and the ledger's accounts' at the start
    private readonly List<PeerMessage> _transfers = []; // a step's messages, delivered after it (reused)
    private long[] _wealth = []; // the tick's wallet totals, for the metrics (reused)
    private readonly StepResults _results = new(); // a tick's steps, before they are recorded (reused)
    private readonly SentByChunk _sent = new(); // their messages, likewise
    private readonly ParallelSteps _cores = new(parallelism);

    public string Name => "reference";

    public int Silos => 0;

    public Task<long> StartAsync(CancellationToken cancellationToken)
    {
        var specs = Build();
        _devices = specs.Select(s => new Device(s)).ToArray();
        _stepped = new bool[specs.Length];
        return Task.FromResult(_supply);
    }

    /// <summary>The devices' specs, the roster and the markets, as the scenario builds them; the devices are the caller's.</summary>
    private DeviceSpec[] Build()
    {
        var builder = new PopulationBuilder(scenario);
        var specs = Enumerable.Range(0, builder.DeviceCount).Select(builder.Build).ToArray();
        var markets = MarketOrder.Of(scenario);
        _roster = new DeviceRoster(specs, markets);
        _markets = markets.Select(m => MarketMechanisms.Create(m, scenario.Seed)).ToArray();
        _ledger = scenario.HasLedger ? new SettlementLedger(scenario.Ledger ?? LedgerSpec.Direct, scenario.RewardPool) : null;
        _supply = _roster.InitialSupply + scenario.AccountsSupply;
        return specs;
    }

    public Task<TickReport> RunTickAsync(int tick, CancellationToken cancellationToken)
    {
        var batches = _roster.EmptyBatches();
        _ledger?.NextTick();
        var (active, _) = Step(tick, final: false, batches);
        var (offline, lost) = (_roster.Offline, _roster.Lost);
        _ledger?.Close(tick, _roster.Ledger.Mined);

        // The wallets are final for the tick once the steps are recorded (a clearing is settled in the
        // devices' next step), so their Gini, a sort of every device's wealth, runs on another core
        // while the messages are delivered and the markets clear. The array is reused: a fresh one
        // was a large-object allocation a tick.
        if (_wealth.Length != _roster.Count) _wealth = new long[_roster.Count];
        _roster.Wealth.CopyTo(_wealth);
        var (wealth, supply) = (_wealth, TickMetrics.Supply(_wealth));
        var gini = Task.Run(() => Gini.OfSorting(wealth)); // no token: a tick is not cancelled half-way
        MarketClearing[] clearings;
        long inFlight;
        try
        {
            DeliverTransfers();
            clearings = new MarketClearing[_markets.Length];
            for (var m = 0; m < _markets.Length; m++)
            {
                clearings[m] = _markets[m].Clear(tick, batches[m].Orders).WithDeals(batches[m].Deals);
                foreach (var r in clearings[m].Results) _roster.Deliver(r.Device, r); // index = device id
                _markets[m].Recycle(clearings[m]); // delivered: nothing reads the results again
            }
            if (_learners) _tapes = MarketTapes.From(clearings);
            inFlight = InFlight;
            MoneyNotConservedException.ThrowIfViolated(tick, _supply, supply, _fees, inFlight, _ledger?.Pool ?? 0);
        }
        catch
        {
            // The sort works in the engine's own array: it ends before the failure leaves the engine
            // (waiting may run it on this thread); the tick's own failure is the one to report.
            try
            {
                gini.Wait();
            }
            catch (AggregateException)
            {
            }
            throw;
        }
        return Task.FromResult(TickMetrics.Build(tick, clearings, supply, gini.GetAwaiter().GetResult(), _fees, active, scenario.Output.Trades, inFlight, offline, lost, LedgerFigures.Of(_ledger, tick)));
    }

    /// <summary>
    /// The settlement after the last tick: devices settle what they received, and a buyer told its
    /// offer was accepted pays, so a second round delivers those payments. No step here starts
    /// anything new, so it ends after at most two rounds.
    /// </summary>
    public Task SettleAsync(int tick, CancellationToken cancellationToken)
    {
        int sent;
        do
        {
            (_, sent) = Step(tick, final: true, _roster.EmptyBatches());
            DeliverTransfers();
            MoneyNotConservedException.ThrowIfViolated(tick, _supply, TickMetrics.Supply(_roster.Wealth), _fees, InFlight, _ledger?.Pool ?? 0);
        }
        while (sent > 0);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<DeviceSnapshot> DevicesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var d in _devices)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return d.Snapshot();
        }
        await Task.CompletedTask;
    }

    public Task<Checkpoint> CaptureAsync(int ticks, CancellationToken cancellationToken) =>
        Task.FromResult(new Checkpoint(ticks, _supply, _fees, _roster.Sent, _roster.Received, [.. _tapes], _markets.Select(m => m.Capture()).ToArray(), _ledger?.Capture()));

    /// <summary>Every device with its state: here each one is in memory, so none is left "as its spec built it".</summary>
    public async IAsyncEnumerable<DeviceCheckpoint> CaptureDevicesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < _devices.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return _roster.Capture(i, _stepped[i] ? _devices[i].Capture() : null); // index = device id
        }
        await Task.CompletedTask;
    }

    public async Task<long> RestoreAsync(Checkpoint checkpoint, IAsyncEnumerable<DeviceCheckpoint> devices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(devices);
        var specs = Build();
        if (checkpoint.Markets.Length != _markets.Length)
            throw new InvalidOperationException($"The checkpoint has {checkpoint.Markets.Length} markets; the scenario has {_markets.Length}.");
        if (checkpoint.InitialSupply != _supply)
            throw new InvalidOperationException($"The checkpoint's initial money supply is {checkpoint.InitialSupply}; the scenario's devices and accounts start with {_supply}.");
        if ((checkpoint.Ledger is null) != (_ledger is null))
            throw new InvalidOperationException(_ledger is null ? "The checkpoint holds a settlement ledger; the scenario has none." : "The checkpoint holds no settlement ledger; the scenario has one.");
        if (checkpoint.Ledger is not null) _ledger!.Restore(checkpoint.Ledger);

        _devices = new Device[specs.Length];
        _stepped = new bool[specs.Length];
        var next = 0;
        await foreach (var c in devices.WithCancellation(cancellationToken))
        {
            // In id order, every one: a device out of place or missing would otherwise be rebuilt from its spec unnoticed.
            if (next == specs.Length) throw new InvalidOperationException($"The checkpoint has a device {c.Id} beyond the scenario's {specs.Length}.");
            if (c.Id != next) throw new InvalidOperationException($"The checkpoint's devices are not in id order, 0 to {specs.Length - 1}: expected device {next}, got {c.Id}.");
            _devices[next] = c.State is null ? new Device(specs[next]) : Device.Restore(specs[next], c.State);
            _stepped[next] = c.State is not null;
            _roster.Restore(next, c);
            next++;
        }
        if (next != specs.Length) throw new InvalidOperationException($"The checkpoint has {next} devices; the scenario has {specs.Length}.");

        for (var m = 0; m < _markets.Length; m++) _markets[m].Restore(checkpoint.Markets[m]);
        _fees = checkpoint.Fees;
        _tapes = [.. checkpoint.Tapes];
        _roster.RestoreTotals(checkpoint.Sent, checkpoint.Received);
        MoneyNotConservedException.ThrowIfViolated(checkpoint.Ticks, _supply, TickMetrics.Supply(_roster.Wealth), _fees, InFlight, _ledger?.Pool ?? 0);
        return _supply;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Money sent between devices and not credited yet, and rewards the pool paid that devices have not credited.</summary>
    private long InFlight => _roster.Sent - _roster.Received + (_ledger?.Owed ?? 0);

    /// <summary>Steps the due devices and records their steps; returns how many, and how many messages they sent (not delivered yet).</summary>
    private (int Active, int Sent) Step(int tick, bool final, MarketBatch[] batches)
    {
        var due = _roster.PlanDue(tick, final); // each chunk of them is gathered by the thread that steps it
        var view = _ledger?.View(tick);
        if (final) view = view?.Final();
        var transfers = _transfers;
        transfers.Clear();
        _results.Begin(due.Count);
        _sent.Begin(due.Count);
        var (results, sent, devices, tapes, roster, stepped) = (_results, _sent, _devices, _tapes, _roster, _stepped);
        _cores.Run(due.Count,
            k =>
            {
                var i = roster.DueIndex(k);
                stepped[i] = true;
                results.Set(k, devices[i].Step(tick, roster.DueSettlements(k), final, tapes, roster.DueIncoming(k), view, sent.Of(k)));
                sent.Stepped(k);
            },
            k => _fees += _roster.Record(roster.DueIndex(k), tick, results.Take(k), sent.Take(k), batches, transfers),
            (first, end) =>
            {
                sent.Open(first);
                roster.Gather(first, end); // a chunk's messages at once, on the thread that steps it
            });
        _roster.EndGather();
        _ledger?.Record(_roster.Ledger);
        return (due.Count, transfers.Count);
    }

    /// <summary>Delivers the messages of the last step, for the next: that step's due list is already taken. Index = device id.</summary>
    private void DeliverTransfers()
    {
        foreach (var t in _transfers) _roster.Deliver(t.To, t);
    }
}
