using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Scenarios;

namespace M2MSim.Economy.Simulation;

/// <summary>
/// The bookkeeping both engines keep for a set of devices (all of them in the reference engine, a
/// shard's slice in the grains): who is due in a tick, what each must settle, the wallet total each
/// last reported, and where their orders go. One implementation, so the engines cannot drift.
/// Devices are addressed by their index in this roster.
/// </summary>
public sealed class DeviceRoster
{
    private readonly DeviceSpec[] _specs;
    private readonly MarketSpec[] _markets;
    private readonly List<OrderResult>?[] _inbox;
    private readonly long[] _wealth;

    public DeviceRoster(DeviceSpec[] specs, MarketSpec[] markets)
    {
        _specs = specs;
        _markets = markets;
        _inbox = new List<OrderResult>?[specs.Length];
        _wealth = new long[specs.Length];
        for (var i = 0; i < specs.Length; i++)
        {
            _wealth[i] = specs[i].InitialBalance;
            InitialSupply += _wealth[i];
        }
    }

    public int Count => _specs.Length;

    public DeviceSpec this[int index] => _specs[index];

    public long InitialSupply { get; }

    /// <summary>Balance + escrow of each device as last reported, by index.</summary>
    public ReadOnlySpan<long> Wealth => _wealth;

    /// <summary>Holds an order result for the device's next step.</summary>
    public void Deliver(int index, in OrderResult result) => (_inbox[index] ??= []).Add(result);

    /// <summary>
    /// The devices to step: those with results to settle, and (outside the final settlement)
    /// those scheduled to act. Their inboxes are emptied. Everyone else costs nothing.
    /// </summary>
    public List<DueDevice> TakeDue(int tick, bool final)
    {
        var due = new List<DueDevice>();
        for (var i = 0; i < _specs.Length; i++)
        {
            var inbox = _inbox[i];
            if (inbox is null && (final || !_specs[i].IsActive(tick))) continue;
            due.Add(new DueDevice(i, inbox is null ? [] : OrderResults.SortedById(inbox)));
            _inbox[i] = null;
        }
        return due;
    }

    /// <summary>One order batch per market, in market order.</summary>
    public List<Order>[] NewOrderBatches() => _markets.Select(_ => new List<Order>()).ToArray();

    /// <summary>Records a device's step: its new wallet total, and its orders into their market's batch. Returns the fees it paid.</summary>
    public long Record(int index, in DeviceStepResult result, List<Order>[] batches)
    {
        _wealth[index] = result.Wealth;
        foreach (var o in result.Orders) batches[MarketOrder.IndexOf(_markets, o.Resource)].Add(o);
        return result.FeesPaid;
    }
}
