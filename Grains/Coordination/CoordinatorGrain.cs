using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Metrics;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Settlement;
using M2MSim.Economy.Simulation;
using M2MSim.Grains.Markets;
using M2MSim.Grains.Shards;

namespace M2MSim.Grains.Coordination;

/// <summary>
/// The barrier of the bulk-synchronous engine. A tick: all shards step (and send their order
/// batches), then all markets clear (and send results to the shards), then the wallets are
/// summed and money conservation is checked before anything is reported.
/// </summary>
[KeepAlive] // the run's state lives only in this activation: the idle collector must never take it mid-run
public sealed class CoordinatorGrain : Grain, ICoordinatorGrain
{
    private Scenario _scenario = null!;
    private IShardGrain[] _shards = [];
    private IMarketGrain[] _markets = [];
    private long _initialSupply;
    private long _fees;
    private long _sent, _received; // money sent in messages since the start, and credited
    private MarketTape[] _tapes = MarketTapes.None; // the previous tick's, for devices that learn
    private bool _learners;
    private ShardTickReport[] _last = []; // the last step's reports, for the dashboard (replaced after every step: see ShardTickReport.Wealth)
    private int _lastTick = -1;
    private SettlementLedger? _ledger;
    private long _accounts; // the ledger's accounts' money at the start (the reward pool's fund)
    private long[] _wealth = []; // the barrier's wallet totals, for the metrics

    public async Task<long> Start(RunSetup setup)
    {
        var devices = await Create(setup, sent: 0, received: 0);
        _initialSupply = devices + _accounts; // Create set the accounts from the scenario
        return _initialSupply;
    }

    public async Task Restore(RunSetup setup, Immutable<Checkpoint> checkpoint)
    {
        var c = checkpoint.Value;
        var devices = await Create(setup, c.Sent, c.Received);
        var supply = devices + _accounts; // Create set the accounts from the scenario
        if (c.Markets.Length != _markets.Length)
            throw new InvalidOperationException($"The checkpoint holds {c.Markets.Length} markets; the scenario has {_markets.Length}.");
        await Task.WhenAll(_markets.Select((m, i) => m.Restore(c.Markets[i])));
        // The shards counted the scenario's initial money; the checkpoint's must be the same run's.
        if (supply != c.InitialSupply)
            throw new InvalidOperationException($"The checkpoint's initial money {c.InitialSupply} is not the scenario's {supply}: it belongs to another scenario.");
        _initialSupply = c.InitialSupply;
        _fees = c.Fees;
        (_sent, _received) = (c.Sent, c.Received);
        _tapes = c.Tapes;
        if ((c.Ledger is null) != (_ledger is null))
            throw new InvalidOperationException(_ledger is null ? "The checkpoint holds a settlement ledger; the scenario has none." : "The checkpoint holds no settlement ledger; the scenario has one.");
        if (c.Ledger is not null) _ledger!.Restore(c.Ledger);
        _lastTick = c.Ticks - 1;
    }

    public async Task<Immutable<Checkpoint>> Capture(int ticks)
    {
        _ = Started;
        var markets = await Task.WhenAll(_markets.Select(m => m.Capture()));
        return new Checkpoint(ticks, _initialSupply, _fees, _sent, _received, _tapes, markets, _ledger?.Capture()).AsImmutable();
    }

    public async Task<Immutable<TickReport>> RunTick(int tick)
    {
        _ = Started;
        var tapes = _tapes.AsImmutable();
        var ledger = new Immutable<LedgerView?>(_ledger?.View(tick));
        _ledger?.NextTick();
        var reports = await Task.WhenAll(_shards.Select(s => s.Step(tick, final: false, tapes, ledger)));
        var activity = Activity(reports);
        _ledger?.Record(activity);
        _ledger?.Close(tick, activity.Mined);
        // Markets clear (and send results to the shards) while the money devices sent each other is routed.
        var clearing = Task.WhenAll(_markets.Select(m => m.Clear(tick)));
        await RouteMessages(tick, reports);
        var clearings = (await clearing).Select(c => c.Value).ToArray();
        if (_learners) _tapes = MarketTapes.From(clearings);
        var (wealth, inFlight) = Barrier(tick, reports);
        _last = reports.Select(r => r.Value).ToArray();
        _lastTick = tick;
        var active = reports.Sum(r => r.Value.Active);
        var offline = reports.Sum(r => r.Value.Offline);
        var lost = reports.Sum(r => r.Value.Lost);
        return TickMetrics.Build(tick, clearings, wealth, _fees, active, _scenario.Output.Trades, inFlight, offline, lost, LedgerFigures.Of(_ledger, tick)).AsImmutable();
    }

    /// <summary>
    /// The settlement after the last tick, in rounds until no device sends anything: a buyer told
    /// its offer was accepted pays in the first, and the payment is credited in the second.
    /// </summary>
    public async Task Settle(int tick)
    {
        while (true)
        {
            var ledger = new Immutable<LedgerView?>(_ledger?.View(tick).Final());
            var reports = await Task.WhenAll(_shards.Select(s => s.Step(tick, final: true, MarketTapes.None.AsImmutable(), ledger)));
            _last = reports.Select(r => r.Value).ToArray(); // a shard writes the report before last's wallets again: keep the last
            _ledger?.Record(Activity(reports));
            await RouteMessages(tick, reports);
            Barrier(tick, reports);
            if (reports.All(r => r.Value.Messages == 0)) return;
        }
    }

    public Task<int> ShardCount() => Task.FromResult(_shards.Length);

    /// <summary>Creates the run's shards (the first carrying the money sent and received so far) and markets; returns the initial money.</summary>
    private async Task<long> Create(RunSetup setup, long sent, long received)
    {
        if (setup.Shards < 1 || setup.Parallelism < 1 || setup.DeactivateIdle < 0) throw new ArgumentOutOfRangeException(nameof(setup), setup, "A run needs at least one shard and one call in flight, and deactivate-idle of 0 or more ticks.");
        var runId = this.GetPrimaryKeyString();
        _scenario = ScenarioJson.Deserialize(setup.ScenarioJson);
        _learners = MarketTapes.Needed(_scenario);
        _ledger = _scenario.HasLedger ? new SettlementLedger(_scenario.Ledger ?? LedgerSpec.Direct, _scenario.RewardPool) : null;
        _accounts = _scenario.AccountsSupply;
        _shards = Enumerable.Range(0, setup.Shards).Select(s => GrainFactory.GetGrain<IShardGrain>(s, runId)).ToArray();
        var markets = MarketOrder.Of(_scenario);
        _markets = markets.Select(m => GrainFactory.GetGrain<IMarketGrain>((long)m.Resource, runId)).ToArray();

        await Task.WhenAll(markets.Select((m, i) =>
            _markets[i].Init(new MarketSetup(runId, m, _scenario.Seed, setup.Shards))));
        var supplies = await Task.WhenAll(_shards.Select((s, i) =>
            s.Init(new ShardSetup(runId, setup.ScenarioJson, setup.Shards, i, setup.Parallelism, i == 0 ? sent : 0, i == 0 ? received : 0, setup.DeactivateIdle))));
        return supplies.Sum();
    }

    /// <summary>A coordinator activated again after its silo failed knows no shard: it must fail, never run an empty tick.</summary>
    private Scenario Started => _scenario ?? throw new GrainStateLostException(
        $"The run {this.GetPrimaryKeyString()} was not started, or its coordinator lost its state (its silo failed).");

    public Task<Immutable<DeviceSnapshot[]>> Devices(int shard, int from, int count) => _shards[shard].Devices(from, count);

    public async Task<Immutable<LiveEconomy>> Live(int richest)
    {
        var books = await Task.WhenAll(_markets.Select(m => m.OrderCount()));
        return LiveEconomies.Build(_scenario, _lastTick, _last, books, richest).AsImmutable();
    }

    public async Task Stop()
    {
        await Task.WhenAll(_shards.Select(s => s.Stop()).Concat(_markets.Select(m => m.Stop())));
        DeactivateOnIdle();
    }

    /// <summary>Hands each shard the messages (money and negotiation moves) sent to its devices, for their next step.</summary>
    private Task RouteMessages(int tick, Immutable<ShardTickReport>[] reports)
    {
        // Counted first, so each shard's batch is allocated once at its size (at a million gifts a tick, growing lists were most of the garbage here).
        var counts = new int[_shards.Length];
        foreach (var r in reports)
        {
            foreach (var t in r.Value.Outgoing) counts[t.To % _shards.Length]++;
        }
        var byShard = counts.Select(n => new PeerMessage[n]).ToArray();
        Array.Clear(counts);
        foreach (var r in reports)
        {
            foreach (var t in r.Value.Outgoing)
            {
                var s = t.To % _shards.Length;
                byShard[s][counts[s]++] = t;
            }
        }
        return Task.WhenAll(byShard.Select((batch, s) => batch.Length == 0 ? Task.CompletedTask : _shards[s].DeliverMessages(tick, batch.AsImmutable())));
    }

    private static LedgerActivity Activity(Immutable<ShardTickReport>[] reports)
    {
        var sum = default(LedgerActivity);
        foreach (var r in reports) sum += r.Value.Ledger;
        return sum;
    }

    /// <summary>Adds up the shards' wallets, fees and money in flight; throws if money was created or lost.</summary>
    private (long[] Wealth, long InFlight) Barrier(int tick, Immutable<ShardTickReport>[] reports)
    {
        // Reused: the metrics sort it and nothing keeps it (a fresh one was a large-object allocation a tick).
        var count = reports.Sum(r => r.Value.Wealth.Length);
        if (_wealth.Length != count) _wealth = new long[count];
        var wealth = _wealth;
        var at = 0;
        foreach (var r in reports)
        {
            r.Value.Wealth.CopyTo(wealth, at);
            at += r.Value.Wealth.Length;
            _fees += r.Value.FeesPaid;
        }
        _sent = reports.Sum(r => r.Value.Sent);
        _received = reports.Sum(r => r.Value.Received);
        var inFlight = _sent - _received + (_ledger?.Owed ?? 0); // rewards paid by the pool and not credited yet are in flight too
        try
        {
            MoneyNotConservedException.ThrowIfViolated(tick, _initialSupply, wealth.Sum(), _fees, inFlight, _ledger?.Pool ?? 0);
        }
        catch (MoneyNotConservedException e)
        {
            throw new MoneyCheckFailedException(e);
        }
        return (wealth, inFlight);
    }
}
