using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Devices;

public sealed class ScheduleTraderTests
{
    private const int D = (int)Resource.Data;
    private static readonly MarketTerms Market = new(1, 1_000, 0);
    private static readonly StrategySpec Truthful = new(StrategyKind.Truthful);

    /// <summary>A data buyer (values) or seller (costs) with periods of <paramref name="periodLength"/> ticks.</summary>
    private static Device Trader(Side side, long[] units, int periodLength = 10, QuoteMode quote = QuoteMode.One,
        long balance = 10_000, StrategySpec? strategy = null, params ScheduleRegime[] later)
    {
        long[][] Only(long[] u) => [[], [], u, []];
        long[][] none = [[], [], [], []];
        var first = side == Side.Buy ? new ScheduleRegime(0, Only(units), none) : new ScheduleRegime(0, none, Only(units));
        var schedule = new DeviceSchedule(periodLength, quote, [first, .. later]);
        return new Device(new DeviceSpec(7, "trader", strategy ?? Truthful, balance, [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0],
            1, 0, [Market, Market, Market, Market], 5, schedule));
    }

    private static OrderResult Fill(Order o, long price, long fee = 0) =>
        new(o.Id, o.Device, o.Resource, o.Side, o.Quantity, o.LimitPrice, 1, price, fee);

    private static OrderResult Miss(Order o) =>
        new(o.Id, o.Device, o.Resource, o.Side, o.Quantity, o.LimitPrice, 0, 0, 0);

    [Fact]
    public void A_buyer_quotes_only_its_most_valuable_unit_one_unit_at_its_value()
    {
        // Schedules reach the device sorted (PopulationBuilder): values highest first.
        var order = Assert.Single(Trader(Side.Buy, [200, 180, 150]).Step(0, [], final: false).Orders);

        Assert.Equal(new Order(OrderIds.For(7, Resource.Data, Side.Buy, 0), 7, Resource.Data, Side.Buy, 1, 200, Reservation: 200), order);
    }

    [Fact]
    public void A_buyer_moves_to_its_next_unit_after_a_fill_and_stays_on_it_after_a_miss()
    {
        var device = Trader(Side.Buy, [200, 180, 150]);
        var first = Assert.Single(device.Step(0, [], final: false).Orders);
        var second = Assert.Single(device.Step(1, [Fill(first, 120)], final: false).Orders);
        Assert.Equal((180L, 180L, 1), (second.LimitPrice, second.Reservation, OrderIds.SlotOf(second.Id)));

        var again = Assert.Single(device.Step(2, [Miss(second)], final: false).Orders);
        Assert.Equal(second, again);

        var s = device.Snapshot();
        Assert.Equal(1, s.Bought[D]);
        Assert.Equal(200 - 120, s.Surplus); // the unit's value minus the price
        Assert.Equal(10_000 - 120, s.Balance + s.Escrow);
        Assert.Equal(180, s.Escrow); // the open bid is escrowed
        Assert.Equal([180L, 150L], device.RemainingUnits(Resource.Data, Side.Buy));
    }

    [Fact]
    public void A_seller_offers_its_cheapest_unit_first_and_realises_price_minus_fee_minus_cost()
    {
        var device = Trader(Side.Sell, [50, 70, 95]);
        var first = Assert.Single(device.Step(0, [], final: false).Orders);
        Assert.Equal((Side.Sell, 1, 50L, 50L), (first.Side, first.Quantity, first.LimitPrice, first.Reservation));

        var second = Assert.Single(device.Step(1, [Fill(first, 80, fee: 2)], final: false).Orders);
        Assert.Equal(70, second.LimitPrice);
        var s = device.Snapshot();
        Assert.Equal((1L, 80L - 2 - 50), (s.Sold[D], s.Surplus));
        Assert.Equal(10_000 + 78, s.Balance);
    }

    [Fact]
    public void When_every_unit_is_traded_the_device_quotes_nothing_until_the_next_period()
    {
        var device = Trader(Side.Sell, [50, 70], periodLength: 5);
        var o = Assert.Single(device.Step(0, [], final: false).Orders);
        o = Assert.Single(device.Step(1, [Fill(o, 60)], final: false).Orders);
        Assert.Empty(device.Step(2, [Fill(o, 75)], final: false).Orders);
        Assert.Empty(device.Step(4, [], final: false).Orders);

        var reset = Assert.Single(device.Step(5, [], final: false).Orders); // period 1: the endowment is back
        Assert.Equal(50, reset.LimitPrice);
        Assert.Equal(2, device.Snapshot().Sold[D]);
    }

    [Fact]
    public void Units_left_at_the_end_of_a_period_are_forfeited()
    {
        var device = Trader(Side.Buy, [200, 180, 150], periodLength: 3);
        var o = Assert.Single(device.Step(0, [], final: false).Orders);
        o = Assert.Single(device.Step(1, [Fill(o, 100)], final: false).Orders);
        o = Assert.Single(device.Step(2, [Miss(o)], final: false).Orders);
        Assert.Equal(180, o.LimitPrice);

        // Tick 3 opens period 1: the result of tick 2's bid is settled first, then the schedule is
        // whole again; nothing of period 0 (180, 150 unbought) carries over.
        var next = Assert.Single(device.Step(3, [Fill(o, 90)], final: false).Orders);
        Assert.Equal((200L, 0), (next.LimitPrice, OrderIds.SlotOf(next.Id)));
        Assert.Equal([200L, 180L, 150L], device.RemainingUnits(Resource.Data, Side.Buy));
        Assert.Equal((2L, 100L + 90), (device.Snapshot().Bought[D], device.Snapshot().Surplus)); // (200 − 100) + (180 − 90)
    }

    [Fact]
    public void A_shift_replaces_the_schedule_from_its_period_on()
    {
        var shifted = new ScheduleRegime(2, [[], [], [300, 250], []], [[], [], [], []]);
        var device = Trader(Side.Buy, [200, 180], periodLength: 2, later: shifted);

        var first = Assert.Single(device.Step(0, [], final: false).Orders);
        Assert.Equal(200, first.LimitPrice); // period 0
        var second = Assert.Single(device.Step(2, [Miss(first)], final: false).Orders);
        Assert.Equal(200, second.LimitPrice); // period 1
        Assert.Equal(300, Assert.Single(device.Step(4, [Miss(second)], final: false).Orders).LimitPrice); // period 2: shifted
        Assert.Equal([300L, 250L], device.RemainingUnits(Resource.Data, Side.Buy));
    }

    [Fact]
    public void A_unit_whose_order_has_no_result_yet_is_not_quoted_again()
    {
        // A tender holds an awarded job's order for its duration: meanwhile the unit is committed.
        var device = Trader(Side.Buy, [200, 180, 150], quote: QuoteMode.All);
        var orders = device.Step(0, [], final: false).Orders;
        Assert.Empty(device.Step(1, [], final: false).Orders);
        Assert.Equal(530, device.Snapshot().Escrow); // reserved once, not twice

        // Unit 1's result arrives: it missed, so unit 1 is quoted again, and only it.
        var again = Assert.Single(device.Step(2, [Miss(orders[1])], final: false).Orders);
        Assert.Equal(orders[1], again);
    }

    [Fact]
    public void A_unit_paid_after_its_period_ended_is_valued_in_that_period_and_uses_no_unit_of_the_next()
    {
        var shifted = new ScheduleRegime(1, [[], [], [300], []], [[], [], [], []]);
        var device = Trader(Side.Buy, [200], periodLength: 2, later: shifted);
        var job = Assert.Single(device.Step(0, [], final: false).Orders);
        Assert.Empty(device.Step(2, [], final: false).Orders); // period 1 begins while the period-0 job runs

        var next = Assert.Single(device.Step(3, [Fill(job, 150)], final: false).Orders);
        Assert.Equal((300L, 0), (next.LimitPrice, OrderIds.SlotOf(next.Id))); // period 1's unit 0 is still to buy
        Assert.Equal(200 - 150, device.Snapshot().Surplus); // valued at period 0's unit
        Assert.Equal([300L], device.RemainingUnits(Resource.Data, Side.Buy));
    }

    [Fact]
    public void Quote_all_sends_one_order_per_remaining_unit_with_distinct_ids()
    {
        var device = Trader(Side.Buy, [200, 180, 150, 120], quote: QuoteMode.All);
        var orders = device.Step(0, [], final: false).Orders;
        Assert.Equal([200L, 180L, 150L, 120L], orders.Select(o => o.LimitPrice));
        Assert.All(orders, o => Assert.Equal(1, o.Quantity));
        Assert.Equal(orders.Length, orders.Select(o => o.Id).Distinct().Count());
        Assert.Equal(650, device.Snapshot().Escrow);

        // Units 0 and 2 fill: the next tick quotes 1 and 3 only, under their own slots.
        var results = orders.Select((o, i) => i % 2 == 0 ? Fill(o, 100) : Miss(o)).ToArray();
        var next = device.Step(1, results, final: false).Orders;
        Assert.Equal([(1, 180L), (3, 120L)], next.Select(o => (OrderIds.SlotOf(o.Id), o.LimitPrice)));
        Assert.Equal((200L - 100) + (150 - 100), device.Snapshot().Surplus);
    }

    [Fact]
    public void Quote_all_with_the_largest_schedule_keeps_every_id_unique()
    {
        var units = Enumerable.Range(1, OrderIds.SlotsPerSide).Select(i => (long)i).Reverse().ToArray();
        var orders = Trader(Side.Sell, units.Reverse().ToArray(), quote: QuoteMode.All).Step(0, [], final: false).Orders;
        Assert.Equal(OrderIds.SlotsPerSide, orders.Select(o => o.Id).Distinct().Count());
    }

    [Fact]
    public void A_buyer_bids_only_what_its_wallet_can_escrow()
    {
        var device = Trader(Side.Buy, [200, 180, 150], quote: QuoteMode.All, balance: 400);
        var orders = device.Step(0, [], final: false).Orders;
        Assert.Equal([200L, 180L], orders.Select(o => o.LimitPrice)); // 150 more would exceed 400
        Assert.Equal((20L, 380L), (device.Snapshot().Balance, device.Snapshot().Escrow));

        var poor = Trader(Side.Buy, [200], balance: 199);
        Assert.Empty(poor.Step(0, [], final: false).Orders);
    }

    [Fact]
    public void A_result_for_a_unit_already_traded_is_refused()
    {
        var device = Trader(Side.Sell, [50, 70]);
        var o = Assert.Single(device.Step(0, [], final: false).Orders);
        device.Step(1, [Fill(o, 60)], final: false);
        Assert.Throws<InvalidOperationException>(() => device.Step(2, [Fill(o, 60)], final: false));
    }
}
