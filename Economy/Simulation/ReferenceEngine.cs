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
    private List<OrderResult>?[] _inbox = [];
    private long[] _wealth = [];
    private ContinuousDoubleAuction[] _markets = [];
    private long _initialSupply;
    private long _fees;

    public string Name => "reference";

    public Task<long> StartAsync(CancellationToken cancellationToken)
    {
        var builder = new PopulationBuilder(scenario);
        _devices = new Device[builder.DeviceCount];
        _wealth = new long[builder.DeviceCount];
        _inbox = new List<OrderResult>?[builder.DeviceCount];
        for (var id = 0; id < _devices.Length; id++)
        {
            _devices[id] = new Device(builder.Build(id));
            _wealth[id] = _devices[id].Wealth;
            _initialSupply += _wealth[id];
        }
        _markets = MarketOrder.Of(scenario).Select(m => new ContinuousDoubleAuction(m.Resource, m.FeePpm, scenario.Seed)).ToArray();
        return Task.FromResult(_initialSupply);
    }

    public Task<TickReport> RunTickAsync(int tick, CancellationToken cancellationToken)
    {
        var orders = _markets.Select(_ => new List<Order>()).ToArray();
        var active = Step(tick, final: false, orders);

        var clearings = new MarketClearing[_markets.Length];
        for (var m = 0; m < _markets.Length; m++)
        {
            clearings[m] = _markets[m].Clear(tick, orders[m]);
            foreach (var r in clearings[m].Results) (_inbox[r.Device] ??= []).Add(r);
        }

        var wallets = _wealth.Sum();
        MoneyNotConservedException.ThrowIfViolated(tick, _initialSupply, wallets, _fees);
        return Task.FromResult(TickMetrics.Build(tick, clearings, (long[])_wealth.Clone(), _fees, active, scenario.Output.Trades));
    }

    public Task SettleAsync(int tick, CancellationToken cancellationToken)
    {
        Step(tick, final: true, orders: null);
        MoneyNotConservedException.ThrowIfViolated(tick, _initialSupply, _wealth.Sum(), _fees);
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

    private int Step(int tick, bool final, List<Order>[]? orders)
    {
        var active = 0;
        for (var id = 0; id < _devices.Length; id++)
        {
            var inbox = _inbox[id];
            var device = _devices[id];
            if (inbox is null && (final || !device.Spec.IsActive(tick))) continue;

            var settlements = inbox is null ? [] : OrderResults.SortedById(inbox);
            _inbox[id] = null;
            var result = device.Step(tick, settlements, final);
            active++;
            _wealth[id] = result.Wealth;
            _fees += result.FeesPaid;
            foreach (var o in result.Orders) orders![MarketOrder.IndexOf(_markets, o.Resource)].Add(o);
        }
        return active;
    }
}
