using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Settlement;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Settlement;

/// <summary>A device's side of the settlement ledger: fees, pending money, proof of work and mined compute.</summary>
public sealed class DeviceLedgerTests
{
    private const int C = (int)Resource.Compute;
    private static readonly StrategySpec Truthful = new(StrategyKind.FixedMargin, 0);
    // Compute, bandwidth and data have markets; service (the fourth resource) has none.
    private static readonly MarketTerms[] AllMarkets = [new(1, 1_000, 0), new(1, 1_000, 0), new(1, 1_000, 0), default];

    private static LedgerTerms Chain(long fee, bool mines = false) => new(LedgerKind.Chain, fee, 0, mines);
    private static LedgerTerms Feeless(int pow, bool mines = false) => new(LedgerKind.Feeless, 0, pow, mines);

    private static DeviceSpec Spec(LedgerTerms? ledger, long balance = 1_000, int[]? production = null, int[]? consumption = null,
        long[]? values = null, long[]? costs = null, long gives = 0, int devices = 0, int id = 1, int every = 1) =>
        new(id, "sensor", Truthful, balance, PerResource(production), PerResource(consumption), PerResource(values), PerResource(costs),
            every, 0, AllMarkets, 99, Gives: gives, Devices: devices, Ledger: ledger);

    /// <summary>Compute, bandwidth and data as given, and nothing of service.</summary>
    private static T[] PerResource<T>(T[]? first) where T : struct
    {
        var all = new T[M2MSim.Economy.Resources.Resources.Count];
        first?.CopyTo(all, 0);
        return all;
    }

    private static OrderResult Result(Order o, int filled, long notional, long fee = 0) =>
        new(o.Id, o.Device, o.Resource, o.Side, o.Quantity, o.LimitPrice, filled, notional, fee);

    /// <summary>Nothing confirmed, no rewards known.</summary>
    private static LedgerView Unconfirmed => new(-1, []);

    [Fact]
    public void A_chain_buyer_bids_its_value_net_of_the_fee_and_reserves_the_fee_with_the_price()
    {
        // Need 2 at 100 each, fee 10: 100 − ⌈10 / 2⌉ = 95 a unit; escrow 2 × 95 + 10.
        var device = new Device(Spec(Chain(10), consumption: [2, 0, 0], values: [100, 0, 0]));
        var order = Assert.Single(device.Step(0, [], final: false, ledger: Unconfirmed).Orders);
        Assert.Equal((Side.Buy, 2, 95L), (order.Side, order.Quantity, order.LimitPrice));
        Assert.Equal((800L, 200L), (device.Snapshot().Balance, device.Snapshot().Escrow));
    }

    [Fact]
    public void The_buyers_fee_is_paid_only_when_its_order_fills_and_released_when_it_does_not()
    {
        var filled = new Device(Spec(Chain(10), consumption: [2, 0, 0], values: [100, 0, 0]));
        var order = filled.Step(0, [], final: false, ledger: Unconfirmed).Orders.Single();
        var step = filled.Step(1, [Result(order, filled: 1, notional: 90)], final: false, ledger: Unconfirmed);
        Assert.Equal(new LedgerActivity(1, 10, 0, 0, 0), step.Ledger);
        var bought = filled.Snapshot();
        Assert.Equal(1, bought.Bought[C]);
        Assert.Equal(100 - 90 - 10, bought.Surplus); // the fee is part of what the unit cost
        // 1,000 − 90 − 10, less tick 1's new bid (2 × 95 + 10) held in escrow.
        Assert.Equal((700L, 200L), (bought.Balance, bought.Escrow));

        var unfilled = new Device(Spec(Chain(10), consumption: [2, 0, 0], values: [100, 0, 0]));
        order = unfilled.Step(0, [], final: false, ledger: Unconfirmed).Orders.Single();
        step = unfilled.Step(1, [Result(order, filled: 0, notional: 0)], final: true, ledger: Unconfirmed.Final());
        Assert.Equal(default, step.Ledger); // no fill, no transaction
        Assert.Equal((1_000L, 0L), (unfilled.Snapshot().Balance, unfilled.Snapshot().Escrow));
    }

    [Fact]
    public void A_buyer_whose_value_the_fee_eats_does_not_bid()
    {
        var device = new Device(Spec(Chain(200), consumption: [2, 0, 0], values: [100, 0, 0]));
        Assert.Empty(device.Step(0, [], final: false, ledger: Unconfirmed).Orders);
    }

    [Fact]
    public void A_chain_seller_asks_its_cost_plus_its_share_of_the_fee_and_its_proceeds_are_pending_until_confirmed()
    {
        // 5 units at cost 10, fee 10: ask 10 + ⌈10 / 5⌉ = 12.
        var device = new Device(Spec(Chain(10), production: [5, 0, 0], costs: [10, 0, 0]));
        var order = device.Step(0, [], final: false, ledger: Unconfirmed).Orders.Single();
        Assert.Equal((Side.Sell, 5, 12L), (order.Side, order.Quantity, order.LimitPrice));

        // Sold 3 for 36 in tick 0's market; the device settles (submits) its payout in tick 1: 36 − 10 pending.
        var step = device.Step(1, [Result(order, filled: 3, notional: 36)], final: false, ledger: new LedgerView(0, []));
        Assert.Equal(new LedgerActivity(1, 10, 0, 0, 0), step.Ledger);
        Assert.Equal(1_000, device.Snapshot().Balance);
        Assert.Equal(1_026, step.Wealth); // wealth includes money pending
        Assert.True(step.Unsettled);
        Assert.Equal(26L, Assert.Single(device.Capture().Pending!).Amount);

        // Tick 2: tick 1 is not confirmed yet; tick 3: it is, and the money is spendable.
        Assert.Equal(1_000, Pending(device, 2, confirmedThrough: 0).Balance);
        var confirmed = Pending(device, 3, confirmedThrough: 1);
        Assert.Equal(1_026, confirmed.Balance);
        Assert.Null(device.Capture().Pending);
    }

    private static DeviceSnapshot Pending(Device device, int tick, int confirmedThrough)
    {
        var step = device.Step(tick, [], final: false, ledger: new LedgerView(confirmedThrough, []));
        // Its new sell order reserves units, not money: balance + pending is its wealth.
        Assert.Equal(1_026, step.Wealth);
        return device.Snapshot();
    }

    [Fact]
    public void A_sellers_fee_never_exceeds_its_proceeds()
    {
        var device = new Device(Spec(Chain(50), production: [5, 0, 0], costs: [1, 0, 0]));
        var order = device.Step(0, [], final: false, ledger: Unconfirmed).Orders.Single();
        var step = device.Step(1, [Result(order, filled: 1, notional: 30)], final: true, ledger: Unconfirmed.Final());
        Assert.Equal(30, step.Ledger.Fees);
        Assert.Equal(1_000, step.Wealth);
    }

    [Fact]
    public void Money_paid_in_the_final_settlement_is_confirmed_by_it()
    {
        // The last tick's sale is settled in the final settlement: the run is over, nothing is left pending.
        var device = new Device(Spec(Chain(10), production: [5, 0, 0], costs: [10, 0, 0]));
        var order = device.Step(0, [], final: false, ledger: Unconfirmed).Orders.Single();
        var step = device.Step(1, [Result(order, filled: 3, notional: 36)], final: true, ledger: Unconfirmed.Final());
        Assert.Equal(1_026, device.Snapshot().Balance);
        Assert.False(step.Unsettled);

        // So is a gift received in it.
        var receiver = new Device(Spec(Feeless(1), balance: 0, id: 2, devices: 3));
        step = receiver.Step(5, [], final: true, incoming: [PeerMessage.Gift(0, 2, 7)], ledger: new LedgerView(3, []).Final());
        Assert.Equal((7L, false), (receiver.Snapshot().Balance, step.Unsettled));
    }

    [Fact]
    public void A_gift_is_spendable_from_its_delay_after_it_was_sent()
    {
        // Sent in tick 4 on a feeless ledger with delay 1: spendable from tick 5, when it arrives.
        var receiver = new Device(Spec(Feeless(1), balance: 0, id: 2, devices: 3, consumption: [1, 0, 0], values: [50, 0, 0]));
        var step = receiver.Step(5, [], final: false, incoming: [PeerMessage.Gift(0, 2, 70)], ledger: new LedgerView(4, []));
        Assert.Equal(70, receiver.Snapshot().Balance + receiver.Snapshot().Escrow);
        Assert.Single(step.Orders); // and it can bid with it at once

        // With a longer delay it waits.
        var waiting = new Device(Spec(Feeless(1), balance: 0, id: 2, devices: 3));
        step = waiting.Step(5, [], final: false, incoming: [PeerMessage.Gift(0, 2, 70)], ledger: new LedgerView(3, []));
        Assert.Equal((0L, 70L), (waiting.Snapshot().Balance, step.Wealth));
        waiting.Step(6, [], final: false, ledger: new LedgerView(4, []));
        Assert.Equal(70, waiting.Snapshot().Balance);
    }

    [Fact]
    public void A_gift_on_a_chain_costs_the_giver_the_fee_too()
    {
        var giver = new Device(Spec(Chain(2), balance: 25, gives: 10, devices: 5, id: 3));
        var first = giver.Step(0, [], final: false, ledger: Unconfirmed);
        var gift = Assert.Single(first.Messages!);
        Assert.Equal(10, gift.Amount);
        Assert.Equal(new LedgerActivity(1, 2, 0, 0, 0), first.Ledger);
        Assert.Equal(13, first.Wealth);
        // 13 left: another 10 + 2; then 1 left, which cannot pay gift and fee.
        Assert.Single(giver.Step(1, [], final: false, ledger: Unconfirmed).Messages!);
        var third = giver.Step(2, [], final: false, ledger: Unconfirmed);
        Assert.Null(third.Messages);
        Assert.Equal(1, third.Wealth);

        // 12 is enough for the gift but not for the fee.
        Assert.Null(new Device(Spec(Chain(3), balance: 12, gives: 10, devices: 5, id: 3)).Step(0, [], final: false, ledger: Unconfirmed).Messages);
    }

    [Fact]
    public void Feeless_proof_of_work_comes_out_of_the_next_compute_production()
    {
        // Pow 2 per transaction: the gift of tick 0 costs 2 of the 5 units produced in tick 0, which are sold.
        var device = new Device(Spec(Feeless(2), production: [5, 0, 0], costs: [10, 0, 0], gives: 1, devices: 4));
        var step = device.Step(0, [], final: false, ledger: Unconfirmed);
        Assert.Equal(new LedgerActivity(1, 0, 2, 0, 0), step.Ledger);
        var order = step.Orders.Single();
        Assert.Equal(3, order.Quantity);

        // Tick 1: its sale of 3 and its gift are 2 transactions: 4 units of the next 5.
        step = device.Step(1, [Result(order, filled: 3, notional: 30)], final: false, ledger: new LedgerView(0, []));
        Assert.Equal(new LedgerActivity(2, 0, 4, 0, 0), step.Ledger);
        Assert.Equal(1, step.Orders.Single().Quantity);
        Assert.Equal(0, device.Capture().PowDebt);
    }

    [Fact]
    public void Proof_of_work_beyond_a_production_is_owed_and_a_device_producing_no_compute_owes_none()
    {
        var device = new Device(Spec(Feeless(7), production: [5, 0, 0], costs: [10, 0, 0], gives: 1, devices: 4));
        var first = device.Step(0, [], final: false, ledger: Unconfirmed);
        Assert.Empty(first.Orders); // 7 owed, 5 produced: all of it goes
        Assert.Equal(5, first.Ledger.Pow); // counted as paid: out of its compute
        Assert.Equal(2, device.Capture().PowDebt);
        Assert.Empty(device.Step(1, [], final: false, ledger: Unconfirmed).Orders); // 2 + 7 owed: 5 paid, 4 left
        Assert.Equal(4, device.Capture().PowDebt);

        var meter = new Device(Spec(Feeless(7), production: [0, 0, 3], costs: [0, 0, 10], gives: 1, devices: 4));
        var step = meter.Step(0, [], final: false, ledger: Unconfirmed);
        Assert.Equal(0, step.Ledger.Pow); // done on its own processor: not charged, not counted
        Assert.Equal(3, step.Orders.Single().Quantity); // its data is untouched
        Assert.Equal(0, meter.Capture().PowDebt);
    }

    /// <summary>
    /// A feeless ledger's device with no compute and no market at all, which only gives, owes no
    /// proof of work after its step either: the per-resource pass clears the debt of a device
    /// without compute, so its step must not skip compute as a resource the device never handles.
    /// </summary>
    [Fact]
    public void A_giver_without_compute_or_markets_owes_no_proof_of_work()
    {
        var giver = new Device(new DeviceSpec(1, "sensor", Truthful, 1_000, PerResource<int>(null), PerResource<int>(null), PerResource<long>(null),
            PerResource<long>(null), 1, 0, new MarketTerms[M2MSim.Economy.Resources.Resources.Count], 99, Gives: 1, Devices: 4, Ledger: Feeless(7)));
        var step = giver.Step(0, [], final: false, ledger: Unconfirmed);
        Assert.Single(step.Messages!);
        Assert.Equal(0, step.Ledger.Pow); // done on its own processor: not charged, not counted
        Assert.Equal(0, giver.Capture().PowDebt);
    }

    [Fact]
    public void Idle_compute_is_committed_at_the_next_active_step_and_rewarded_once_the_rate_is_known()
    {
        var device = new Device(Spec(Chain(0, mines: true), production: [5, 0, 0], costs: [10, 0, 0]));
        var order = device.Step(0, [], final: false, ledger: Unconfirmed).Orders.Single();

        // Tick 1: 2 of 5 sold; the 3 left over are committed in tick 1 rather than perishing.
        var step = device.Step(1, [Result(order, filled: 2, notional: 20)], final: false, ledger: new LedgerView(0, [0]));
        Assert.Equal(3, step.Ledger.Mined);
        Assert.True(step.Unsettled);
        Assert.Equal([new MinedCompute(1, 3)], device.Capture().Mined!);

        // Tick 2: the rate of tick 1 (7 a unit) is known; the device credits 21 and commits tick 1's 5 unsold.
        var pending = step.Orders.Single();
        step = device.Step(2, [Result(pending, filled: 0, notional: 0)], final: false, ledger: new LedgerView(1, [0, 7]));
        Assert.Equal((21L, 5L), (step.Ledger.Claimed, step.Ledger.Mined));
        Assert.Equal(1_000 + 20 + 21, device.Snapshot().Balance); // tick 1's sale confirmed, and the reward
        Assert.Equal([new MinedCompute(2, 5)], device.Capture().Mined!);

        // The final settlement credits the last tick's rate.
        step = device.Step(3, [], final: true, ledger: new LedgerView(2, [0, 7, 2]).Final());
        Assert.Equal(10, step.Ledger.Claimed);
        Assert.False(step.Unsettled);
    }

    [Fact]
    public void Without_a_pool_idle_compute_perishes_uncommitted()
    {
        var device = new Device(Spec(Chain(0), production: [5, 0, 0], costs: [10, 0, 0]));
        var order = device.Step(0, [], final: false, ledger: Unconfirmed).Orders.Single();
        var step = device.Step(1, [Result(order, filled: 0, notional: 0)], final: false, ledger: Unconfirmed);
        Assert.Equal(0, step.Ledger.Mined);
        Assert.Null(device.Capture().Mined!);
    }

    [Fact]
    public void A_device_restored_with_ledger_state_goes_on_identically()
    {
        var spec = Spec(Feeless(7, mines: true), production: [5, 0, 0], costs: [10, 0, 0], gives: 1, devices: 4);
        var device = new Device(spec);
        device.Step(0, [], final: false, ledger: Unconfirmed);
        device.Step(1, [], final: false, incoming: [PeerMessage.Gift(0, 1, 9)], ledger: Unconfirmed);
        var state = device.Capture();
        Assert.NotNull(state.Pending);
        Assert.True(state.PowDebt > 0);
        var line = CheckpointJson.SerializeLine(new DeviceCheckpoint(1, state, [], []));
        var restored = Device.Restore(spec, CheckpointJson.DeserializeLine(line).State!);

        var view = new LedgerView(1, [0, 3]);
        Assert.Equal(M2MSim.Economy.Tests.Checkpoints.Rendering.Of(device.Step(2, [], false, ledger: view)),
            M2MSim.Economy.Tests.Checkpoints.Rendering.Of(restored.Step(2, [], false, ledger: view)));
        Assert.Equal(M2MSim.Economy.Tests.Checkpoints.Rendering.Of(device.Capture()), M2MSim.Economy.Tests.Checkpoints.Rendering.Of(restored.Capture()));

        // A ledger state does not fit a device of a scenario without a ledger.
        Assert.Throws<InvalidOperationException>(() => Device.Restore(spec with { Ledger = null }, state));
    }
}
