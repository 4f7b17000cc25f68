using System.Runtime.CompilerServices;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Metrics;
using M2MSim.Economy.Scenarios;

namespace M2MSim.Economy.Simulation;

/// <summary>
/// The same devices and markets as the grains, stepped in a plain loop in one thread. It is the
/// test oracle (the Orleans engine must write exactly its files) and the no-actor baseline.
/// </summary>
public sealed class ReferenceEngine(Scenario scenario) : ISimulationEngine
{
    private Device[] _devices = [];
    private DeviceRoster _roster = null!;
    private IMarketMechanism[] _markets = [];
    private long _fees;
    private MarketTape[] _tapes = MarketTapes.None; // the previous tick's, for devices that learn
    private readonly bool _learners = MarketTapes.Needed(scenario);

    public string Name => "reference";

    public int Silos => 0;

    public Task<long> StartAsync(CancellationToken cancellationToken)
    {
        var builder = new PopulationBuilder(scenario);
        var specs = Enumerable.Range(0, builder.DeviceCount).Select(builder.Build).ToArray();
        var markets = MarketOrder.Of(scenario);
        _devices = specs.Select(s => new Device(s)).ToArray();
        _roster = new DeviceRoster(specs, markets);
        _markets = markets.Select(m => MarketMechanisms.Create(m, scenario.Seed)).ToArray();
        return Task.FromResult(_roster.InitialSupply);
    }

    public Task<TickReport> RunTickAsync(int tick, CancellationToken cancellationToken)
    {
        var batches = _roster.NewOrderBatches();
        var active = Step(tick, final: false, batches);

        var clearings = new MarketClearing[_markets.Length];
        for (var m = 0; m < _markets.Length; m++)
        {
            clearings[m] = _markets[m].Clear(tick, batches[m]);
            foreach (var r in clearings[m].Results) _roster.Deliver(r.Device, r); // index = device id
        }
        if (_learners) _tapes = MarketTapes.From(clearings);

        var wealth = _roster.Wealth.ToArray();
        var inFlight = _roster.Sent - _roster.Received;
        MoneyNotConservedException.ThrowIfViolated(tick, _roster.InitialSupply, wealth.Sum(), _fees, inFlight);
        return Task.FromResult(TickMetrics.Build(tick, clearings, wealth, _fees, active, scenario.Output.Trades, inFlight));
    }

    public Task SettleAsync(int tick, CancellationToken cancellationToken)
    {
        Step(tick, final: true, _roster.NewOrderBatches());
        MoneyNotConservedException.ThrowIfViolated(tick, _roster.InitialSupply, _roster.Wealth.ToArray().Sum(), _fees, _roster.Sent - _roster.Received);
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

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private int Step(int tick, bool final, List<Order>[] batches)
    {
        var due = _roster.TakeDue(tick, final);
        var transfers = new List<Transfer>();
        foreach (var d in due) _fees += _roster.Record(d.Index, _devices[d.Index].Step(tick, d.Settlements, final, _tapes, d.Incoming), batches, transfers);
        // Delivered for the next tick: this tick's due list is already taken. Index = device id.
        foreach (var t in transfers) _roster.Deliver(t.To, t);
        return due.Count;
    }
}
