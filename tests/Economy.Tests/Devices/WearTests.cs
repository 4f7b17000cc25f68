using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Devices;

/// <summary>A worn part (docs/devices.md): it works while it has life, waits idle without, and a bought unit of service replaces it.</summary>
public sealed class WearTests
{
    private const int D = (int)Resource.Data, S = (int)Resource.Service;
    private static readonly StrategySpec Truthful = new(StrategyKind.FixedMargin, 0);

    /// <summary>A purifier: 1 data unit a tick, a part of 10 units of life using 4 a tick, reordered at 2 or less, a replacement worth 40.</summary>
    private static Device Purifier(long balance = 1_000, MarketTerms[]? markets = null) => new(new DeviceSpec(
        3, "water-purifier", Truthful, balance, [0, 0, 1, 0], [0, 0, 0, 0], [0, 0, 0, 40], [0, 0, 5, 0], 1, 0,
        markets ?? [default, default, new(1, 1_000, 0), new(1, 1_000, 0)], 99, Wear: new DeviceWear(10, 4, 2)));

    private static OrderResult Result(Order o, int filled, long notional = 0) =>
        new(o.Id, o.Device, o.Resource, o.Side, o.Quantity, o.LimitPrice, filled, notional, 0);

    private static OrderResult[] Unfilled(Order[] orders) => [.. orders.Select(o => Result(o, 0))];

    private static Order? ServiceBid(DeviceStepResult step) => step.Orders.Where(o => o.Resource == Resource.Service).Select(o => (Order?)o).SingleOrDefault();

    [Fact]
    public void A_part_works_until_its_life_is_spent_then_the_device_stands_idle_until_it_is_served()
    {
        var device = Purifier();
        var produced = new List<long>();
        var pending = Array.Empty<OrderResult>();
        for (var tick = 0; tick < 6; tick++)
        {
            var step = device.Step(tick, pending, final: false);
            produced.Add(step.Orders.Where(o => o.Resource == Resource.Data).Sum(o => (long)o.Quantity) + device.Snapshot().Inventory[D]);
            pending = Unfilled(step.Orders); // nobody sells it a visit, nobody buys its data
        }

        // Life 10 → 6 → 2 → 0 (the third tick still works, on what was left), then downtime.
        var snapshot = device.Snapshot();
        Assert.Equal(3, snapshot.Downtime);
        Assert.Equal(0, snapshot.Replacements);
        Assert.Equal(3, snapshot.Sold[D] + snapshot.Inventory[D] + pending.Where(r => r.Resource == Resource.Data).Sum(r => (long)r.Quantity));
        Assert.Equal([1L, 2, 3, 3, 3, 3], produced); // no data on a tick of downtime
    }

    [Fact]
    public void The_device_bids_for_one_service_unit_at_its_value_once_life_reaches_the_reorder_point()
    {
        var device = Purifier();
        Assert.Null(ServiceBid(device.Step(0, [], final: false))); // life 6 > 2
        var bid = ServiceBid(device.Step(1, [], final: false));      // life 2 ≤ 2
        Assert.NotNull(bid);
        Assert.Equal((Side.Buy, 1, 40L, 40L), (bid.Value.Side, bid.Value.Quantity, bid.Value.LimitPrice, bid.Value.Reservation));
    }

    [Fact]
    public void A_bought_service_unit_restores_the_part_and_counts_a_replacement()
    {
        var device = Purifier();
        device.Step(0, [], final: false);                            // life 10 → 6
        var bid = ServiceBid(device.Step(1, [], final: false))!.Value; // 6 → 2: reorder
        device.Step(2, [], final: false);                            // 2 → 0, still working
        device.Step(3, [], final: false);                            // no life: idle; the bid has no result yet
        Assert.Equal(1, device.Snapshot().Downtime);

        var step = device.Step(4, [Result(bid, 1, notional: 30)], final: false);
        var snapshot = device.Snapshot();
        Assert.Equal((1L, 1L, 1L), (snapshot.Replacements, snapshot.Bought[S], snapshot.Downtime)); // it works again at once
        Assert.Equal(1_000 - 30, snapshot.Balance + snapshot.Escrow);
        Assert.Equal(40 - 30, snapshot.Surplus);
        Assert.Null(ServiceBid(step));                                      // a new part: 10 → 6
        Assert.NotNull(ServiceBid(device.Step(5, [], final: false)));       // 6 → 2: the new part wears down in turn
    }

    [Fact]
    public void A_replacement_on_order_is_not_ordered_again()
    {
        var device = Purifier();
        device.Step(0, [], final: false);
        Assert.NotNull(ServiceBid(device.Step(1, [], final: false)));
        // No result yet (a tender holds orders for several ticks): the device waits rather than bid twice.
        for (var tick = 2; tick < 6; tick++) Assert.Null(ServiceBid(device.Step(tick, [], final: false)));
        Assert.Equal(3, device.Snapshot().Downtime); // ticks 3, 4 and 5
    }

    [Fact]
    public void An_unfilled_replacement_is_ordered_again_on_the_next_active_tick_one_unit_at_a_time()
    {
        var device = Purifier();
        device.Step(0, [], final: false);
        var first = ServiceBid(device.Step(1, [], final: false))!.Value;
        var second = ServiceBid(device.Step(2, [Result(first, 0)], final: false));
        Assert.Equal(first, second);
        Assert.Equal(0, device.Snapshot().Replacements);
    }

    [Fact]
    public void Without_a_service_market_a_worn_device_never_bids_and_stays_idle()
    {
        var device = Purifier(markets: [default, default, new(1, 1_000, 0), default]);
        for (var tick = 0; tick < 5; tick++) Assert.Null(ServiceBid(device.Step(tick, [], final: false)));
        Assert.Equal(2, device.Snapshot().Downtime);
    }

    [Fact]
    public void A_device_without_wear_reports_no_downtime_and_no_replacements()
    {
        var device = new Device(new DeviceSpec(1, "meter", Truthful, 0, [0, 0, 1, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 5, 0], 1, 0,
            [default, default, default, default], 99));
        for (var tick = 0; tick < 5; tick++) device.Step(tick, [], final: false);
        Assert.Equal((0L, 0L, 0L, 5L), (device.Snapshot().Downtime, device.Snapshot().Replacements, device.Snapshot().WithheldData, device.Snapshot().Inventory[D]));
    }
}
