using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Devices;

/// <summary>ZIP devices learn from hand-made tapes handed to <see cref="Device.Step"/>.</summary>
public sealed class DeviceLearningTests
{
    private const long U = 1_000_000;
    private static readonly MarketTerms Market = new(1 * U, 500 * U, 0);

    private static Device Trader(Side side, long[] units, StrategyKind kind = StrategyKind.Zip, int id = 3)
    {
        long[][] none = [[], [], [], []];
        long[][] data = [[], [], units, []];
        var regime = side == Side.Buy ? new ScheduleRegime(0, data, none) : new ScheduleRegime(0, none, data);
        return new Device(new DeviceSpec(id, "zip", new StrategySpec(kind), 10_000 * U, [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0],
            1, 0, [Market, Market, Market, Market], 8, new DeviceSchedule(int.MaxValue, QuoteMode.One, [regime])));
    }

    private static MarketTape[] Tape(params Shout[] shouts) => [new MarketTape(Resource.Data, shouts)];

    /// <summary>The result of an order that did not trade: the device quotes the same unit again.</summary>
    private static OrderResult[] Missed(Order o) => [new(o.Id, o.Device, o.Resource, o.Side, o.Quantity, o.LimitPrice, 0, 0, 0)];

    [Fact]
    public void A_zip_seller_asks_more_after_deals_above_its_price()
    {
        var device = Trader(Side.Sell, [100 * U]);
        var order = Assert.Single(device.Step(0, [], final: false).Orders);
        var first = order.LimitPrice;
        var deals = Tape(new Shout(Side.Buy, first + 30 * U, true), new Shout(Side.Buy, first + 30 * U, true));
        var later = Assert.Single(device.Step(1, Missed(order), final: false, deals).Orders).LimitPrice;
        Assert.True(later > first, $"{later} should exceed {first}");
    }

    [Fact]
    public void A_zip_buyer_bids_more_after_failing_bids_above_its_own()
    {
        var device = Trader(Side.Buy, [200 * U]);
        var order = Assert.Single(device.Step(0, [], final: false).Orders);
        var first = order.LimitPrice;
        var failures = Tape(new Shout(Side.Buy, first + 5 * U, false));
        var later = Assert.Single(device.Step(1, Missed(order), final: false, failures).Orders).LimitPrice;
        Assert.True(later > first);
        Assert.True(later <= 200 * U); // never above its value
    }

    [Fact]
    public void A_zip_buyer_learns_with_the_limit_of_its_current_unit()
    {
        // Two identical buyers; one has bought its 300 unit, so it learns (and bids) for the 100 unit.
        var fresh = Trader(Side.Buy, [300 * U, 100 * U]);
        var advanced = Trader(Side.Buy, [300 * U, 100 * U]);
        var o = Assert.Single(advanced.Step(0, [], final: false).Orders);
        fresh.Step(0, [], final: false);
        var next = Assert.Single(advanced.Step(1, [new OrderResult(o.Id, 3, Resource.Data, Side.Buy, 1, o.LimitPrice, 1, o.LimitPrice, 0)], final: false).Orders);
        Assert.Equal(100 * U, next.Reservation);
        Assert.Equal(((ZipStrategy)fresh.Strategy).Margin(Side.Buy), ((ZipStrategy)advanced.Strategy).Margin(Side.Buy)); // same device id, same draws
    }

    [Fact]
    public void Strategies_that_do_not_learn_ignore_the_tape()
    {
        var tape = Tape(new Shout(Side.Buy, 400 * U, true));
        var a = Trader(Side.Sell, [100 * U], StrategyKind.ZiC);
        var b = Trader(Side.Sell, [100 * U], StrategyKind.ZiC);
        Assert.Equal(a.Step(0, [], final: false).Orders, b.Step(0, [], final: false, tape).Orders);
    }

    [Fact]
    public void A_tape_of_another_market_does_not_move_the_margin()
    {
        var device = Trader(Side.Sell, [100 * U]);
        var before = ((ZipStrategy)device.Strategy).Margin(Side.Sell);
        device.Step(0, [], final: false, [new MarketTape(Resource.Compute, [new Shout(Side.Buy, 400 * U, true)])]);
        Assert.Equal(before, ((ZipStrategy)device.Strategy).Margin(Side.Sell));
    }
}
