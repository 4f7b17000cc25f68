using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Economy.Strategies;
using M2MSim.Economy.Tests.Negotiation;

namespace M2MSim.Economy.Tests.Checkpoints;

public sealed class DeviceCheckpointTests
{
    /// <summary>A device rebuilt from its spec and its captured state, through one line of JSON.</summary>
    private static Device Reborn(Device device) =>
        Device.Restore(device.Spec, CheckpointJson.DeserializeLine(CheckpointJson.SerializeLine(new DeviceCheckpoint(device.Id, device.Capture(), [], []))).State!);

    [Theory]
    [InlineData("linear", "linear", 3)]
    [InlineData("boulware", "tit-for-tat", 4)]
    [InlineData("conceder", "tit-for-tat", 5)]
    public void A_device_restored_in_the_middle_of_a_negotiation_goes_on_exactly_as_the_original(string buyer, string seller, int stopAt)
    {
        // Two sellers per buyer and short periods: bargains open, counter, end with and without deals, and start again.
        var yaml = Bargaining.Scenario(
            $"strategy: {{kind: {buyer}, deadline: {{uniform: [3, 8]}}}}, buys: {{data: [150, 120]}}",
            $"strategy: {{kind: {seller}, deadline: {{uniform: [3, 8]}}}}, sells: {{data: [50, 90]}}",
            buyers: 3, sellers: 2, periods: "periods: {length: 12}");
        var original = new Bargaining(yaml);
        var restored = new Bargaining(yaml);
        for (var t = 0; t < stopAt; t++)
        {
            Assert.Equal(Rendering.All(original.Tick(t)), Rendering.All(restored.Tick(t)));
        }
        Assert.Contains(restored.Devices, d => d.NegotiationsHeld > 0);
        for (var i = 0; i < restored.Devices.Length; i++) restored.Devices[i] = Reborn(restored.Devices[i]);

        for (var t = stopAt; t < 40; t++)
        {
            Assert.Equal(Rendering.All(original.Tick(t)), Rendering.All(restored.Tick(t)));
            Assert.Equal(Rendering.All(original.Devices.Select(d => d.Capture())), Rendering.All(restored.Devices.Select(d => d.Capture())));
        }
        Assert.Equal(Rendering.All(original.Tick(40, final: true)), Rendering.All(restored.Tick(40, final: true)));
        Assert.Equal(Rendering.All(original.Devices.Select(d => d.Snapshot())), Rendering.All(restored.Devices.Select(d => d.Snapshot())));
        Assert.True(original.Devices.Sum(d => d.Snapshot().Bought[(int)Resource.Data]) > 0, "the negotiations should strike deals");
    }

    [Fact]
    public void A_seller_waiting_for_its_payment_is_paid_after_a_restore()
    {
        var b = new Bargaining(Bargaining.Scenario(
            "strategy: {kind: boulware, deadline: 4}, buys: {data: [150]}",
            "strategy: {kind: conceder, deadline: 1}, sells: {data: [5]}",
            market: "price_range: [10, 200]"));
        b.Tick(0);
        b.Tick(1); // the seller accepts the opening offer and waits for the money
        var waiting = Assert.Single(b.Devices[1].Capture().Bargains);
        Assert.True(waiting.AwaitingPayment);

        b.Devices[0] = Reborn(b.Devices[0]);
        b.Devices[1] = Reborn(b.Devices[1]);
        b.Tick(2);
        b.Tick(3);
        Assert.Equal(Micros(10), b.Devices[1].Snapshot().Balance);
        Assert.Equal(0, b.Devices[0].NegotiationsHeld + b.Devices[1].NegotiationsHeld);
    }

    [Theory]
    [InlineData(1)]  // a new part, little data
    [InlineData(3)]  // a spent part, a replacement on order
    [InlineData(5)]  // a replaced part
    public void A_worn_data_owner_restored_mid_run_goes_on_exactly_as_the_original(int stopAt)
    {
        var spec = new DeviceSpec(4, "water-purifier", new StrategySpec(StrategyKind.ZiC), Micros(100), [0, 0, 3, 0], [0, 0, 0, 0],
            [0, 0, 0, Micros(40)], [0, 0, Micros(1), 0], 1, 0,
            [default, default, new(Micros(1), Micros(10), 0), new(Micros(1), Micros(60), 0)], 9,
            Wear: new DeviceWear(10, 4, 2), DataPolicy: new DeviceDataPolicy(0.4, Micros(2)));
        Device original = new(spec), restored = new(spec);
        OrderResult[] ResultsOf(Order[] orders, int tick) =>
            // Service bids sent in ticks 3, 7, 11 fill at their limit, so parts run out first; data never sells.
            [.. orders.Select(o => new OrderResult(o.Id, o.Device, o.Resource, o.Side, o.Quantity, o.LimitPrice,
                o.Resource == Resource.Service && tick % 4 == 3 ? 1 : 0, o.Resource == Resource.Service && tick % 4 == 3 ? o.LimitPrice : 0, 0))];
        OrderResult[] pendingA = [], pendingB = [];
        for (var t = 0; t < 14; t++)
        {
            if (t == stopAt) restored = Reborn(restored);
            var a = original.Step(t, pendingA, final: false);
            var b = restored.Step(t, pendingB, final: false);
            Assert.Equal(Rendering.Of(a), Rendering.Of(b));
            Assert.Equal(Rendering.Of(original.Capture()), Rendering.Of(restored.Capture()));
            (pendingA, pendingB) = (ResultsOf(a.Orders, t), ResultsOf(b.Orders, t));
        }
        var end = restored.Snapshot();
        Assert.True(end is { Downtime: > 0, Replacements: > 0, WithheldData: > 0 }, $"the run should wear, replace and withhold: {end}");
        Assert.Equal(Rendering.Of(original.Snapshot()), Rendering.Of(end));
    }

    [Fact]
    public void A_checkpoint_written_before_service_existed_restores_with_nothing_of_service()
    {
        var device = new Device(Spec(new StrategySpec(StrategyKind.ZiC)));
        for (var t = 0; t < 3; t++) device.Step(t, [], final: false);
        var state = device.Capture();
        var old = state with
        {
            Inventory = state.Inventory[..3], Reserved = state.Reserved[..3], Bought = state.Bought[..3], Sold = state.Sold[..3],
            Traded = state.Traded[..6],
        };
        Assert.Equal(Rendering.Of(state), Rendering.Of(Device.Restore(device.Spec, old).Capture()));
        Assert.Contains("has 2 Inventory entries", Assert.Throws<InvalidOperationException>(() => Device.Restore(device.Spec, state with { Inventory = [0, 0] })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_that_trades_nothing_does_not_restore_a_state_that_holds_units()
    {
        // The money model's device: it only gives. Its steps skip the pass that uses units up, so units in its state could never go.
        var giver = new DeviceSpec(0, "giver", new StrategySpec(StrategyKind.ZiC), Micros(5), [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], 1, 0,
            [default, default, default, default], 1, Gives: Micros(1), Devices: 10);
        var device = new Device(giver);
        for (var t = 0; t < 3; t++) device.Step(t, [], final: false);
        var state = device.Capture();

        Assert.Equal(Micros(2), Device.Restore(giver, state).Wealth); // gave one unit a tick
        Assert.Contains("holds units", Assert.Throws<InvalidOperationException>(() => Device.Restore(giver, state with { Inventory = [0, 1, 0, 0] })).Message, StringComparison.Ordinal);
        Assert.Contains("holds units", Assert.Throws<InvalidOperationException>(() => Device.Restore(giver, state with { Reserved = [0, 0, 0, 2] })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_with_wear_does_not_restore_into_a_spec_without_and_the_other_way_round()
    {
        var plain = Spec(new StrategySpec(StrategyKind.ZiC));
        var worn = plain with { Wear = new DeviceWear(10, 1, 0), DataPolicy = new DeviceDataPolicy(0.5, 0) };
        Assert.Contains("has a worn part", Assert.Throws<InvalidOperationException>(() => Device.Restore(plain, new Device(worn).Capture() with { DataProduced = null })).Message, StringComparison.Ordinal);
        Assert.Contains("no state of its part", Assert.Throws<InvalidOperationException>(() => Device.Restore(worn, new Device(plain).Capture())).Message, StringComparison.Ordinal);
        Assert.Contains("no count of the data", Assert.Throws<InvalidOperationException>(() => Device.Restore(worn, new Device(worn).Capture() with { DataProduced = null })).Message, StringComparison.Ordinal);
        Assert.Contains("units of life", Assert.Throws<InvalidOperationException>(() => Device.Restore(worn, new Device(worn).Capture() with { Wear = new WearState(11, 0, 0) })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_trader_keeps_what_it_learnt()
    {
        var device = new Device(Spec(new StrategySpec(StrategyKind.Zip)));
        var zip = (ZipStrategy)device.Strategy;
        var random = new RandomStream(1, RandomPurpose.Strategy, 0, 0);
        var market = new MarketTerms(Micros(1), Micros(200), 0);
        for (var k = 0; k < 5; k++) zip.Observe(Side.Sell, Micros(80), true, new Shout(Side.Buy, Micros(150 + k), true), market, ref random);

        var reborn = (ZipStrategy)Reborn(device).Strategy;
        Assert.Equal((zip.Margin(Side.Sell), zip.LastChange(Side.Sell), zip.Margin(Side.Buy)), (reborn.Margin(Side.Sell), reborn.LastChange(Side.Sell), reborn.Margin(Side.Buy)));
        Assert.Equal((zip.Beta, zip.Gamma), (reborn.Beta, reborn.Gamma));
        Assert.NotEqual(new ZipStrategy(1, 0).Margin(Side.Sell), reborn.Margin(Side.Sell));
    }

    [Fact]
    public void A_state_that_does_not_fit_the_spec_is_refused()
    {
        var zip = new Device(Spec(new StrategySpec(StrategyKind.Zip))).Capture();
        var ziC = Spec(new StrategySpec(StrategyKind.ZiC));

        Assert.Contains("learning strategy", Assert.Throws<InvalidOperationException>(() => Device.Restore(ziC, zip)).Message, StringComparison.Ordinal);
        Assert.Contains("no state for its learning strategy", Assert.Throws<InvalidOperationException>(() => Device.Restore(Spec(new StrategySpec(StrategyKind.Zip)), zip with { Strategy = null })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Device.Restore(Spec(new StrategySpec(StrategyKind.Zip)), zip with { Strategy = [0.1] }));
        var fixedState = new Device(ziC).Capture();
        Assert.Contains("trading period", Assert.Throws<InvalidOperationException>(() => Device.Restore(ziC, fixedState with { Period = 2 })).Message, StringComparison.Ordinal);
        Assert.Contains("drawn ones", Assert.Throws<InvalidOperationException>(() => Device.Restore(ziC, fixedState with { Values = [1, 2, 3], Costs = [1, 2, 3] })).Message, StringComparison.Ordinal);
        Assert.Contains("Inventory", Assert.Throws<InvalidOperationException>(() => Device.Restore(ziC, fixedState with { Inventory = [1] })).Message, StringComparison.Ordinal);
        Assert.Contains("twice", Assert.Throws<InvalidOperationException>(() => Device.Restore(ziC, fixedState with { Outstanding = [new(7, 0), new(7, 0)] })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_redrawing_device_keeps_this_ticks_values_and_a_fixed_one_shares_its_specs()
    {
        var scenario = ScenarioLoader.Parse("""
            name: redraw
            ticks: 5
            markets:
              - {resource: compute, price_range: [1, 200]}
            devices:
              - {type: b, count: 1, strategy: zi-c, wallet: 100, consumes: {compute: 1}, values: {compute: {uniform: [1, 200]}}, redraw: true}
              - {type: s, count: 1, strategy: zi-c, produces: {compute: 1}, costs: {compute: {uniform: [1, 200]}}}
            """, "r.yaml");
        var builder = new PopulationBuilder(scenario);
        var (buyer, seller) = (new Device(builder.Build(0)), new Device(builder.Build(1)));
        buyer.Step(3, [], final: false);
        var drawn = buyer.Capture().Values!;
        Assert.NotEqual(buyer.Spec.Values, drawn);
        Assert.Equal(drawn, Reborn(buyer).Capture().Values);
        Assert.Null(seller.Capture().Values);
        Assert.Null(seller.Capture().Costs);
    }

    /// <summary>
    /// A step skips the resources a device neither makes, uses, trades nor wears (and a device that
    /// trades nothing skips them all), so a checkpoint holding units of one is not the device's own:
    /// it is refused, naming the device and the resource, while the same units of a resource it
    /// trades are restored.
    /// </summary>
    [Theory]
    [InlineData(Resource.Bandwidth, false)]
    [InlineData(Resource.Service, true)]
    public void A_checkpoint_holding_units_of_a_resource_the_device_never_handles_is_refused(Resource resource, bool reserved)
    {
        var device = new Device(Spec(new StrategySpec(StrategyKind.ZiC)));
        var state = device.Capture();
        long[] Units(Resource r)
        {
            var units = new long[Resources.Resources.Count];
            units[(int)r] = 2;
            return units;
        }
        var foreign = reserved ? state with { Reserved = Units(resource) } : state with { Inventory = Units(resource) };
        var e = Assert.Throws<InvalidOperationException>(() => Device.Restore(device.Spec, foreign));
        Assert.Contains("device 0", e.Message);
        Assert.Contains(resource.Name(), e.Message);

        var own = Device.Restore(device.Spec, state with { Inventory = Units(Resource.Data) });
        Assert.Equal(2, own.Snapshot().Inventory[(int)Resource.Data]);

        var giver = new Device(new DeviceSpec(1, "giver", new StrategySpec(StrategyKind.ZiC), Micros(1), [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], 1, 0,
            [default, default, default, default], 1, Gives: Micros(1), Devices: 2));
        Assert.Throws<InvalidOperationException>(() => Device.Restore(giver.Spec, giver.Capture() with { Inventory = Units(Resource.Compute) }));
    }

    private static long Micros(double units) => M2MSim.Economy.Money.Micros.FromUnits(units);

    private static DeviceSpec Spec(StrategySpec strategy) => new(
        0, "t", strategy, Micros(100), [0, 0, 1, 0], [1, 0, 0, 0], [Micros(50), 0, 0, 0], [0, 0, Micros(20), 0], 1, 0,
        [new(Micros(1), Micros(200), 0), default, new(Micros(1), Micros(200), 0), default], 1);
}
