using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Devices;

public sealed class DeviceTests
{
    private const int C = (int)Resource.Compute, B = (int)Resource.Bandwidth, D = (int)Resource.Data;
    private static readonly StrategySpec Truthful = new(StrategyKind.FixedMargin, 0);
    private static readonly MarketTerms[] AllMarkets = [new(1, 1_000, 0), new(1, 1_000, 0), new(1, 1_000, 0), new(1, 1_000, 0)];
    private static readonly MarketTerms[] NoMarkets = [default, default, default, default];

    private static DeviceSpec Spec(
        long balance = 0, int[]? production = null, int[]? consumption = null, long[]? values = null, long[]? costs = null,
        int every = 1, int phase = 0, MarketTerms[]? markets = null, StrategySpec? strategy = null, int id = 1) =>
        new(id, "sensor", strategy ?? Truthful, balance, production ?? [0, 0, 0, 0], consumption ?? [0, 0, 0, 0],
            values ?? [0, 0, 0, 0], costs ?? [0, 0, 0, 0], every, phase, markets ?? AllMarkets, 99);

    private static OrderResult Result(Order o, int filled, long notional, long fee = 0) =>
        new(o.Id, o.Device, o.Resource, o.Side, o.Quantity, o.LimitPrice, filled, notional, fee);

    [Fact]
    public void An_active_seller_reserves_its_inventory_and_sends_one_sell_order()
    {
        var device = new Device(Spec(balance: 1_000, production: [5, 0, 0, 0], costs: [10, 0, 0, 0]));
        var step = device.Step(0, [], final: false);

        var order = Assert.Single(step.Orders);
        Assert.Equal(new Order(OrderIds.For(1, Resource.Compute, Side.Sell), 1, Resource.Compute, Side.Sell, 5, 10, Reservation: 10), order); // reservation: its cost, declared for surplus measures
        var s = device.Snapshot();
        Assert.Equal([0L, 0L, 0L, 0L], s.Inventory); // the 5 units are reserved by the order
        Assert.Equal((1_000L, 0L), (s.Balance, s.Escrow));
        Assert.Equal(1_000, step.Wealth);
        Assert.Equal(0, step.FeesPaid);
    }

    [Fact]
    public void A_buyer_with_too_little_money_bids_only_for_what_it_can_afford()
    {
        var device = new Device(Spec(balance: 350, consumption: [10, 0, 0, 0], values: [100, 0, 0, 0]));
        var step = device.Step(0, [], final: false);

        var order = Assert.Single(step.Orders);
        Assert.Equal((Side.Buy, Resource.Compute, 3, 100L), (order.Side, order.Resource, order.Quantity, order.LimitPrice));
        var s = device.Snapshot();
        Assert.Equal(300, s.Escrow); // quantity × price
        Assert.Equal(50, s.Balance);
        Assert.Equal(350, step.Wealth);
    }

    [Fact]
    public void A_buyer_that_cannot_afford_one_unit_sends_nothing()
    {
        var device = new Device(Spec(balance: 99, consumption: [10, 0, 0, 0], values: [100, 0, 0, 0]));
        Assert.Empty(device.Step(0, [], final: false).Orders);
        Assert.Equal((99L, 0L), (device.Snapshot().Balance, device.Snapshot().Escrow));
    }

    [Property(MaxTest = 300)]
    public Property A_zi_c_buyer_escrows_exactly_what_it_bids_and_never_more_than_it_has() =>
        Prop.ForAll(
            (from balance in Gen.Choose(0, 10_000)
             from need in Gen.Choose(1, 50)
             from value in Gen.Choose(1, 1_000)
             from tick in Gen.Choose(0, 100)
             select (balance, need, value, tick)).ToArbitrary(),
            c =>
            {
                var device = new Device(Spec(balance: c.balance, consumption: [c.need, 0, 0, 0], values: [c.value, 0, 0, 0], strategy: new StrategySpec(StrategyKind.ZiC)));
                var orders = device.Step(c.tick, [], final: false).Orders;
                var s = device.Snapshot();
                if (orders.Length == 0) return s.Escrow == 0 && s.Balance == c.balance;
                var o = orders[0];
                return orders.Length == 1 && o.Side == Side.Buy
                    && o.LimitPrice >= 1 && o.LimitPrice <= c.value
                    && o.Quantity <= c.need
                    && o.Quantity * o.LimitPrice <= c.balance
                    && (o.Quantity == c.need || (o.Quantity + 1) * o.LimitPrice > c.balance) // as much as it can afford
                    && s.Escrow == o.Quantity * o.LimitPrice
                    && s.Balance == c.balance - s.Escrow;
            });

    [Property(MaxTest = 300)]
    public Property A_device_never_quotes_both_sides_of_one_market() =>
        Prop.ForAll(
            (from production in Gen.Choose(0, 6).ArrayOf(Resources.Resources.Count)
             from consumption in Gen.Choose(0, 6).ArrayOf(Resources.Resources.Count)
             from fills in Gen.Choose(0, 6).ArrayOf(Resources.Resources.Count)
             from zic in Gen.Elements(true, false)
             from ticks in Gen.Choose(1, 6)
             select (production, consumption, fills, zic, ticks)).ToArbitrary(),
            c =>
            {
                var device = new Device(Spec(balance: 1_000_000, production: c.production, consumption: c.consumption,
                    values: [500, 500, 500, 500], costs: [100, 100, 100, 100], strategy: c.zic ? new StrategySpec(StrategyKind.ZiC) : Truthful));
                var pending = Array.Empty<OrderResult>();
                for (var tick = 0; tick < c.ticks; tick++)
                {
                    // Sells fill partly (data left over accumulates), buys fill fully.
                    var orders = device.Step(tick, pending, final: false).Orders;
                    if (orders.GroupBy(o => o.Resource).Any(g => g.Count() > 1)) return false;
                    pending = orders.Select(o =>
                    {
                        var filled = o.Side == Side.Buy ? o.Quantity : Math.Min(o.Quantity, c.fills[(int)o.Resource]);
                        return Result(o, filled, filled * o.LimitPrice);
                    }).ToArray();
                }
                return true;
            });

    [Fact]
    public void Settling_a_buy_pays_the_notional_from_escrow_and_releases_the_rest()
    {
        var device = new Device(Spec(balance: 350, consumption: [10, 0, 0, 0], values: [100, 0, 0, 0]));
        var order = device.Step(0, [], final: false).Orders.Single(); // 3 @ 100, escrow 300

        var step = device.Step(1, [Result(order, filled: 2, notional: 180)], final: true);

        var s = device.Snapshot();
        Assert.Equal((170L, 0L), (s.Balance, s.Escrow)); // 350 − 180
        Assert.Equal(170, step.Wealth);
        Assert.Equal(0, step.FeesPaid);
        Assert.Equal(2, s.Bought[C]);
        Assert.Equal(2 * 100 - 180, s.Surplus);
    }

    [Fact]
    public void Settling_a_sell_credits_the_notional_less_the_fee_and_returns_unsold_units()
    {
        var device = new Device(Spec(balance: 1_000, production: [5, 0, 0, 0], costs: [10, 0, 0, 0]));
        var order = device.Step(0, [], final: false).Orders.Single(); // 5 @ 10

        var step = device.Step(1, [Result(order, filled: 3, notional: 36, fee: 3)], final: true);

        var s = device.Snapshot();
        Assert.Equal((1_033L, 0L), (s.Balance, s.Escrow));
        Assert.Equal(3, step.FeesPaid);
        Assert.Equal(1_033, step.Wealth);
        Assert.Equal(2, s.Inventory[C]);
        Assert.Equal(3, s.Sold[C]);
        Assert.Equal(36 - 3 - 3 * 10, s.Surplus);
    }

    [Fact]
    public void Unsold_compute_and_bandwidth_perish_while_unsold_data_accumulates()
    {
        var device = new Device(Spec(balance: 0, production: [5, 5, 5, 0], costs: [10, 10, 10, 0]));
        var first = device.Step(0, [], final: false).Orders;
        Assert.Equal(3, first.Length);
        Assert.All(first, o => Assert.Equal(5, o.Quantity));

        var second = device.Step(1, first.Select(o => Result(o, filled: 2, notional: 20)).ToArray(), final: false).Orders;

        Assert.Equal(5, second.Single(o => o.Resource == Resource.Compute).Quantity); // 3 unsold lost, 5 new
        Assert.Equal(5, second.Single(o => o.Resource == Resource.Bandwidth).Quantity);
        Assert.Equal(8, second.Single(o => o.Resource == Resource.Data).Quantity); // 3 unsold + 5 new
        Assert.All(second, o => Assert.Equal(Side.Sell, o.Side));
    }

    [Fact]
    public void Without_markets_inventory_is_replaced_or_accumulated_on_each_active_tick()
    {
        var device = new Device(Spec(production: [5, 4, 3, 0], markets: NoMarkets, every: 3, phase: 1)); // active on ticks 2, 5, 8
        var inventories = new List<long[]>();
        for (var tick = 0; tick < 9; tick++)
        {
            Assert.Empty(device.Step(tick, [], final: false).Orders);
            inventories.Add(device.Snapshot().Inventory);
        }
        Assert.Equal([0L, 0L, 0L, 0L], inventories[1]);
        Assert.Equal([5L, 4L, 3L, 0L], inventories[2]);
        Assert.Equal([5L, 4L, 3L, 0L], inventories[4]);
        Assert.Equal([5L, 4L, 6L, 0L], inventories[5]);
        Assert.Equal([5L, 4L, 9L, 0L], inventories[8]);
    }

    [Fact]
    public void A_device_serves_its_own_needs_before_trading()
    {
        var surplus = new Device(Spec(balance: 1_000, production: [5, 0, 0, 0], consumption: [3, 0, 0, 0], values: [100, 0, 0, 0], costs: [10, 0, 0, 0]));
        var sell = Assert.Single(surplus.Step(0, [], final: false).Orders);
        Assert.Equal((Side.Sell, 2), (sell.Side, sell.Quantity));

        var shortfall = new Device(Spec(balance: 1_000, production: [5, 0, 0, 0], consumption: [8, 0, 0, 0], values: [100, 0, 0, 0], costs: [10, 0, 0, 0]));
        var buy = Assert.Single(shortfall.Step(0, [], final: false).Orders);
        Assert.Equal((Side.Buy, 3), (buy.Side, buy.Quantity));
    }

    [Fact]
    public void An_inactive_device_with_no_settlements_sends_nothing_and_does_not_change()
    {
        var device = new Device(Spec(balance: 500, production: [5, 5, 5, 0], consumption: [1, 0, 0, 0], values: [100, 0, 0, 0], costs: [1, 1, 1, 0], every: 2));
        var before = device.Snapshot();
        var step = device.Step(1, [], final: false);
        Assert.Empty(step.Orders);
        var after = device.Snapshot();
        Assert.Equal((before.Balance, before.Escrow, before.Surplus), (after.Balance, after.Escrow, after.Surplus));
        Assert.Equal(before.Inventory, after.Inventory);
        Assert.Equal(500, step.Wealth);
    }

    [Fact]
    public void A_final_step_settles_but_sends_nothing()
    {
        var device = new Device(Spec(balance: 350, production: [0, 0, 4, 0], consumption: [10, 0, 0, 0], values: [100, 0, 0, 0], costs: [0, 0, 7, 0]));
        var orders = device.Step(0, [], final: false).Orders;
        Assert.Equal(2, orders.Length);

        var results = orders.Select(o => o.Side == Side.Buy ? Result(o, 1, 100) : Result(o, 4, 28, 1)).ToArray();
        var step = device.Step(1, results, final: true); // tick 1 is an active tick, but this is the settlement

        Assert.Empty(step.Orders);
        var s = device.Snapshot();
        Assert.Equal((350L - 100 + 27, 0L), (s.Balance, s.Escrow));
        Assert.Equal([0L, 0L, 0L, 0L], s.Inventory); // no production in a final step
        Assert.Equal(1, step.FeesPaid);
    }

    [Fact]
    public void A_result_for_another_device_throws()
    {
        var device = new Device(Spec(balance: 350, consumption: [10, 0, 0, 0], values: [100, 0, 0, 0]));
        var order = device.Step(0, [], final: false).Orders.Single();
        Assert.Throws<InvalidOperationException>(() => device.Step(1, [Result(order, 1, 100) with { Device = 2 }], final: true));
    }

    [Fact]
    public void Impossible_results_throw()
    {
        var buyer = new Device(Spec(balance: 350, consumption: [10, 0, 0, 0], values: [100, 0, 0, 0]));
        var buy = buyer.Step(0, [], final: false).Orders.Single();
        Assert.Throws<InvalidOperationException>(() => buyer.Step(1, [Result(buy, buy.Quantity + 1, 100)], final: true));
        Assert.Throws<InvalidOperationException>(() => buyer.Step(1, [Result(buy, 1, 101)], final: true)); // above its limit

        var seller = new Device(Spec(production: [5, 0, 0, 0], costs: [10, 0, 0, 0]));
        var sell = seller.Step(0, [], final: false).Orders.Single();
        Assert.Throws<InvalidOperationException>(() => seller.Step(1, [Result(sell with { Quantity = 6 }, 1, 10)], final: true));
    }

    [Fact]
    public void A_sell_order_of_accumulated_data_is_capped_and_the_rest_stays_in_inventory()
    {
        // Data keeps: two ticks of 600,000 unsold units would make a 1,200,000-unit order.
        var device = new Device(Spec(production: [0, 0, 600_000, 0], costs: [0, 0, 1, 0]));
        var first = Assert.Single(device.Step(0, [], final: false).Orders);
        Assert.Equal(600_000, first.Quantity);

        var second = Assert.Single(device.Step(1, [Result(first, filled: 0, notional: 0)], final: false).Orders);
        Assert.Equal(Device.MaxOrderQuantity, second.Quantity);
        Assert.Equal(1_200_000 - Device.MaxOrderQuantity, device.Snapshot().Inventory[D]);
    }

    [Fact]
    public void A_buy_order_is_capped_too()
    {
        var device = new Device(Spec(balance: 10_000_000, consumption: [3_000_000, 0, 0, 0], values: [1, 0, 0, 0]));
        var order = Assert.Single(device.Step(0, [], final: false).Orders);
        Assert.Equal((Side.Buy, Device.MaxOrderQuantity, 1L), (order.Side, order.Quantity, order.LimitPrice));
        Assert.Equal(Device.MaxOrderQuantity, device.Snapshot().Escrow);
    }

    [Fact]
    public void A_surplus_that_overflows_throws_instead_of_wrapping()
    {
        var huge = long.MaxValue / 2;
        var device = new Device(Spec(balance: 3_000, consumption: [3, 0, 0, 0], values: [huge, 0, 0, 0], strategy: new StrategySpec(StrategyKind.ZiC)));
        var order = Assert.Single(device.Step(0, [], final: false).Orders);
        Assert.Equal(3, order.Quantity);
        Assert.Throws<OverflowException>(() => device.Step(1, [Result(order, filled: 3, notional: 3 * order.LimitPrice)], final: true));
    }

    [Theory]
    [InlineData(10, 0, 10)]
    [InlineData(10, 100_000, 12)] // 10 / 0.9 = 11.1…, rounded up
    [InlineData(9, 100_000, 10)] // exactly 10: no rounding up needed
    [InlineData(0, 500_000, 0)]
    public void A_truthful_seller_asks_its_cost_grossed_up_for_the_fee(long cost, long feePpm, long ask)
    {
        var markets = new MarketTerms[] { new(1, 1_000, feePpm), new(1, 1_000, feePpm), new(1, 1_000, feePpm), new(1, 1_000, feePpm) };
        var device = new Device(Spec(production: [5, 0, 0, 0], costs: [cost, 0, 0, 0], markets: markets));
        var order = Assert.Single(device.Step(0, [], final: false).Orders);
        Assert.Equal(Math.Max(ask, 1), order.LimitPrice);
    }

    [Fact]
    public void A_seller_whose_fee_inclusive_cost_exceeds_the_range_does_not_quote()
    {
        // Cost 950 is inside [1, 1000], but after a 10 % fee it needs 1056.
        var markets = new MarketTerms[] { new(1, 1_000, 100_000), default, default, default };
        var device = new Device(Spec(production: [5, 0, 0, 0], costs: [950, 0, 0, 0], markets: markets));
        Assert.Empty(device.Step(0, [], final: false).Orders);
        Assert.Equal(5, device.Snapshot().Inventory[C]);
    }

    [Property(MaxTest = 300)]
    public Property A_zi_c_seller_never_asks_below_its_fee_inclusive_cost() =>
        Prop.ForAll(
            (from cost in Gen.Choose(0, 2_000)
             from fee in Gen.Choose(0, 999_999)
             from tick in Gen.Choose(0, 100)
             select (cost, fee, tick)).ToArbitrary(),
            c =>
            {
                var markets = new MarketTerms[] { new(1, 5_000, c.fee), default, default, default };
                var device = new Device(Spec(production: [3, 0, 0, 0], costs: [c.cost, 0, 0, 0], markets: markets, strategy: new StrategySpec(StrategyKind.ZiC)));
                var orders = device.Step(c.tick, [], final: false).Orders;
                // Even one unit sold at the ask, the worst case for the fee's rounding, covers the cost.
                return orders.All(o => o.LimitPrice - o.LimitPrice * c.fee / 1_000_000 >= c.cost);
            });

    [Fact]
    public void The_schedule_follows_every_and_phase()
    {
        var spec = Spec(every: 4, phase: 1);
        Assert.Equal([3, 7, 11], Enumerable.Range(0, 12).Where(spec.IsActive));
        Assert.All(Enumerable.Range(0, 5), t => Assert.True(Spec(every: 1).IsActive(t)));
    }
}
