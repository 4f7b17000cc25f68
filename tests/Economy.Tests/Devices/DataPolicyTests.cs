using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Devices;

/// <summary>A data owner's policy (docs/devices.md): only a share of its data is offered, and never below its floor.</summary>
public sealed class DataPolicyTests
{
    private const int D = (int)Resource.Data;

    private static Device Owner(int perTick, double share, long minPrice = 0, StrategySpec? strategy = null, MarketTerms? data = null, long cost = 5) =>
        new(new DeviceSpec(2, "water-purifier", strategy ?? new StrategySpec(StrategyKind.FixedMargin, 0), 0, [0, 0, perTick, 0], [0, 0, 0, 0],
            [0, 0, 0, 0], [0, 0, cost, 0], 1, 0, [default, default, data ?? default, default], 42, DataPolicy: new DeviceDataPolicy(share, minPrice)));

    [Theory]
    [InlineData(7, 0.5, 3)]
    [InlineData(100, 0.29, 29)] // in doubles 100 × 0.29 is 28.999…
    [InlineData(3, 0.1, 0)]
    [InlineData(10, 1.0, 10)]
    [InlineData(10, 0.0, 0)]
    public void The_offerable_data_is_the_floor_of_all_produced_times_the_share(long produced, double share, long offerable) =>
        Assert.Equal(offerable, new DeviceDataPolicy(share, 0).Offerable(produced));

    [Fact]
    public void Tick_by_tick_the_offered_data_follows_the_cumulative_floor_and_the_rest_is_withheld()
    {
        var device = Owner(perTick: 1, share: 0.3); // no market: what is offered accumulates in inventory
        for (var tick = 1; tick <= 10; tick++)
        {
            device.Step(tick - 1, [], final: false);
            var s = device.Snapshot();
            Assert.Equal((long)Math.Floor(tick * 0.3m), s.Inventory[D]);
            Assert.Equal(tick - s.Inventory[D], s.WithheldData);
        }
        Assert.Equal((3L, 7L), (device.Snapshot().Inventory[D], device.Snapshot().WithheldData));
    }

    [Fact]
    public void Withheld_data_is_never_offered_even_when_the_market_would_take_it()
    {
        var device = Owner(perTick: 4, share: 0.5, data: new MarketTerms(1, 1_000, 0));
        var offered = 0L;
        var pending = Array.Empty<OrderResult>();
        for (var tick = 0; tick < 5; tick++)
        {
            var orders = device.Step(tick, pending, final: false).Orders;
            offered += orders.Sum(o => (long)o.Quantity);
            pending = [.. orders.Select(o => new OrderResult(o.Id, o.Device, o.Resource, o.Side, o.Quantity, o.LimitPrice, o.Quantity, o.Quantity * o.LimitPrice, 0))];
        }
        Assert.Equal((10L, 10L), (offered, device.Snapshot().WithheldData));
    }

    [Theory]
    [InlineData(5, 50, 0, 50)]        // the floor, not the cost
    [InlineData(80, 50, 0, 80)]       // a cost above the floor is the cost
    [InlineData(5, 50, 100_000, 56)]  // the floor grossed up for a 10 % fee, as any cost is
    public void A_truthful_seller_asks_its_cost_or_the_floor_whichever_is_higher(long cost, long minPrice, int feePpm, long ask)
    {
        var device = Owner(perTick: 1, share: 1, minPrice: minPrice, data: new MarketTerms(1, 1_000, feePpm), cost: cost);
        Assert.Equal(ask, Assert.Single(device.Step(0, [], final: false).Orders).LimitPrice);
    }

    [Fact]
    public void An_unconstrained_seller_never_asks_below_the_floor_either()
    {
        var device = Owner(perTick: 1, share: 1, minPrice: 150, strategy: new StrategySpec(StrategyKind.ZiU), data: new MarketTerms(1, 200, 0));
        var asks = new List<long>();
        var pending = Array.Empty<OrderResult>();
        for (var tick = 0; tick < 200; tick++)
        {
            var orders = device.Step(tick, pending, final: false).Orders;
            asks.AddRange(orders.Select(o => o.LimitPrice));
            pending = [.. orders.Select(o => new OrderResult(o.Id, o.Device, o.Resource, o.Side, o.Quantity, o.LimitPrice, 0, 0, 0))];
        }
        Assert.Equal(200, asks.Count);
        Assert.All(asks, a => Assert.InRange(a, 150, 200));
        Assert.Contains(150, asks); // zi-u drew below the floor and was raised to it
    }
}
