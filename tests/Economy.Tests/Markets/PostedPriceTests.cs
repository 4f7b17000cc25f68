using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;

namespace M2MSim.Economy.Tests.Markets;

public sealed class PostedPriceTests
{
    private const ulong Seed = 17;
    private const long Unit = 1_000_000;

    private static PostedPrice Market(long initial = 5 * Unit, double adjust = 0.1, long feePpm = 0) =>
        new(Resource.Bandwidth, feePpm, Seed, 1 * Unit, 10 * Unit, initial, adjust);

    private static Order Buy(int device, int quantity, long price) =>
        new(OrderIds.For(device, Resource.Bandwidth, Side.Buy), device, Resource.Bandwidth, Side.Buy, quantity, price);

    private static Order Sell(int device, int quantity, long price) =>
        new(OrderIds.For(device, Resource.Bandwidth, Side.Sell), device, Resource.Bandwidth, Side.Sell, quantity, price);

    // At 5: demand 3 + 2 (the bid at 4 stays out), supply 1 + 2 (the ask at 7 stays out).
    private static readonly Order[] ExcessDemand =
        [Buy(1, 3, 6 * Unit), Buy(2, 2, 5 * Unit), Buy(3, 5, 4 * Unit), Sell(4, 1, 3 * Unit), Sell(5, 2, 5 * Unit), Sell(6, 4, 7 * Unit)];

    [Fact]
    public void The_short_side_is_served_in_full_at_the_posted_price_and_the_long_side_rationed()
    {
        var market = Market();
        var c = market.Clear(0, ExcessDemand);

        Assert.All(c.Trades, t => Assert.Equal(5 * Unit, t.Price));
        var filled = c.Results.ToDictionary(r => r.Device, r => r.Filled);
        Assert.Equal((1, 2, 0), (filled[4], filled[5], filled[6])); // sellers at ≤ 5 sell everything
        Assert.Equal(3, filled[1] + filled[2]);                      // buyers share the 3 units
        Assert.Equal(0, filled[3]);
        Assert.True(filled[1] == 3 || filled[2] == 2, "rationing serves buyers one after another in the seeded order");
    }

    [Fact]
    public void Rationing_follows_the_seeded_order_of_the_tick()
    {
        var outcomes = new HashSet<(int, int)>();
        for (var tick = 0; tick < 64; tick++)
        {
            var c = Market(adjust: 0).Clear(tick, ExcessDemand);
            var filled = c.Results.ToDictionary(r => r.Device, r => r.Filled);
            var buyerOneFirst = Array.IndexOf(SeededOrders.Of(Seed, Resource.Bandwidth, tick, 6), 0)
                < Array.IndexOf(SeededOrders.Of(Seed, Resource.Bandwidth, tick, 6), 1);
            Assert.Equal(buyerOneFirst ? (3, 0) : (1, 2), (filled[1], filled[2]));
            outcomes.Add((filled[1], filled[2]));
        }
        Assert.Equal(2, outcomes.Count);
    }

    [Fact]
    public void Excess_demand_raises_the_price_by_the_documented_rule()
    {
        var market = Market();
        market.Clear(0, ExcessDemand);

        // 5 × (1 + 0.1 × (5 − 3) / (5 + 3)) = 5.125
        Assert.Equal(5_125_000, market.Price);
    }

    [Fact]
    public void Excess_supply_lowers_the_price_and_it_never_leaves_the_range()
    {
        var market = Market(initial: 2 * Unit, adjust: 1);
        market.Clear(0, [Sell(1, 4, 1 * Unit), Buy(2, 1, 9 * Unit)]);

        // 2 × (1 + 1 × (1 − 4) / 5) = 0.8, clamped to the range's 1.
        Assert.Equal(1 * Unit, market.Price);
        market.Clear(1, [Sell(1, 4, 1 * Unit), Buy(2, 1, 9 * Unit)]);
        Assert.Equal(1 * Unit, market.Price);
    }

    [Fact]
    public void Balanced_or_empty_ticks_leave_the_price_alone()
    {
        var market = Market(initial: 3_333_333);
        market.Clear(0, []);
        Assert.Equal(3_333_333, market.Price);
        market.Clear(1, [Sell(1, 2, 1 * Unit), Buy(2, 2, 9 * Unit)]);
        Assert.Equal(3_333_333, market.Price);
    }

    [Fact]
    public void The_tape_shouts_every_order_at_the_posted_price_and_the_book_keeps_the_best_unfilled_quotes()
    {
        var c = Market().Clear(0, ExcessDemand);

        Assert.Equal(6, c.Tape.Length);
        Assert.All(c.Tape, s => Assert.Equal(5 * Unit, s.Price));
        Assert.Equal(c.Results.Count(r => r.Filled > 0), c.Tape.Count(s => s.Deal));
        var openBid = c.Results.Where(r => r.Side == Side.Buy && r.Filled < r.Quantity).Max(r => r.LimitPrice);
        Assert.Equal((openBid, 7 * Unit), (c.BestBid, c.BestAsk));
    }

    [Fact]
    public void Fees_are_charged_to_sellers_and_reservations_copied()
    {
        var c = Market(feePpm: 20_000).Clear(0, [Buy(1, 2, 6 * Unit) with { Reservation = 8 * Unit }, Sell(2, 2, 2 * Unit) with { Reservation = Unit }]);

        var trade = Assert.Single(c.Trades);
        Assert.Equal((10 * Unit, 200_000L, 8 * Unit, Unit), (trade.Price * trade.Quantity, trade.Fee, trade.BuyerValue, trade.SellerCost));
    }

    [Fact]
    public void The_factory_starts_at_the_midpoint_of_the_range_unless_told()
    {
        var spec = new MarketSpec(Resource.Data, MarketMechanism.Posted, 0, 0.5, 1.000001);
        var market = Assert.IsType<PostedPrice>(MarketMechanisms.Create(spec, Seed));
        Assert.Equal(750_000, market.Price); // (500000 + 1000001) / 2 rounded down

        var told = Assert.IsType<PostedPrice>(MarketMechanisms.Create(spec with { InitialPrice = 0.9 }, Seed));
        Assert.Equal(900_000, told.Price);
    }
}
