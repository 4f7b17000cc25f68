using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Tests.Markets;

public sealed class CallMarketTests
{
    private const ulong Seed = 5;
    private const long Unit = 1_000_000;
    private static readonly CallMarket Market = new(Resource.Compute, 0, Seed);

    private static Order Buy(int device, int quantity, long price) =>
        new(OrderIds.For(device, Resource.Compute, Side.Buy), device, Resource.Compute, Side.Buy, quantity, price);

    private static Order Sell(int device, int quantity, long price) =>
        new(OrderIds.For(device, Resource.Compute, Side.Sell), device, Resource.Compute, Side.Sell, quantity, price);

    [Fact]
    public void A_small_schedule_clears_at_the_hand_computed_quantity_and_price()
    {
        // Bid units 10 10 8 5 5, ask units 4 7.000001 7.000001 9 9: the 3rd pair is the last to
        // cross, so Q = 3. Prices that clear exactly 3 units: [max(7.000001, 5), min(8, 9)];
        // the midpoint 7.5000005 rounds down to 7.500000.
        Order[] orders =
        [
            Buy(1, 2, 10 * Unit), Buy(2, 1, 8 * Unit), Buy(3, 2, 5 * Unit),
            Sell(4, 1, 4 * Unit), Sell(5, 2, 7 * Unit + 1), Sell(6, 2, 9 * Unit),
        ];
        var c = Market.Clear(3, orders);

        Assert.Equal(3, c.Trades.Sum(t => t.Quantity));
        Assert.All(c.Trades, t => Assert.Equal(7_500_000, t.Price));
        Assert.Equal([(1, 4, 1), (1, 5, 1), (2, 5, 1)], c.Trades.Select(t => (t.Buyer, t.Seller, t.Quantity)));
        Assert.Equal([2, 1, 0, 1, 2, 0], c.Results.Select(r => r.Filled));
        Assert.Equal((5 * Unit, 9 * Unit), (c.BestBid, c.BestAsk));
    }

    [Fact]
    public void Without_a_next_unit_the_missing_bounds_are_dropped()
    {
        var c = Market.Clear(0, [Buy(1, 1, 10 * Unit), Sell(2, 1, 4 * Unit)]);

        var trade = Assert.Single(c.Trades);
        Assert.Equal(7 * Unit, trade.Price); // midpoint of [4, 10]
        Assert.Equal((0L, 0L), (c.BestBid, c.BestAsk));
    }

    [Fact]
    public void The_next_units_of_both_sides_bound_the_price()
    {
        // Bid units 10 9 9, ask units 4 12: Q = 1, and the 2nd bid unit (9) and 2nd ask unit (12)
        // bound the price to [max(4, 9), min(10, 12)] = [9, 10].
        var c = Market.Clear(0, [Buy(1, 1, 10 * Unit), Sell(2, 1, 4 * Unit), Sell(3, 1, 12 * Unit), Buy(4, 2, 9 * Unit)]);

        var trade = Assert.Single(c.Trades);
        Assert.Equal(9_500_000, trade.Price);
        Assert.Equal((1, 2, 1), (trade.Buyer, trade.Seller, trade.Quantity));
        Assert.Equal((9 * Unit, 12 * Unit), (c.BestBid, c.BestAsk));
    }

    [Fact]
    public void A_partly_filled_order_bounds_the_price_with_its_own_next_unit()
    {
        // Bid units 10 10, ask units 4 12: Q = 1, the 2nd bid unit is the same order at 10, so
        // the interval is [max(4, 10), min(10, 12)] = [10, 10]; the bid fills one of its two units.
        var c = Market.Clear(0, [Buy(1, 2, 10 * Unit), Sell(2, 1, 4 * Unit), Sell(3, 1, 12 * Unit)]);

        var trade = Assert.Single(c.Trades);
        Assert.Equal(10 * Unit, trade.Price);
        Assert.Equal([1, 1, 0], c.Results.Select(r => r.Filled));
        Assert.Equal((10 * Unit, 12 * Unit), (c.BestBid, c.BestAsk));
    }

    [Fact]
    public void Truthful_unit_orders_from_a_textbook_schedule_trade_the_competitive_quantity_at_a_competitive_price()
    {
        // Values 20 18 … 8 and costs 6 8 … 18: demand and supply cross between the 4th and 5th
        // units, so the competitive quantity is 4 and any price in [12, 14] clears the market.
        var values = new[] { 20, 18, 16, 14, 12, 10, 8 };
        var costs = new[] { 6, 8, 10, 12, 14, 16, 18 };
        var orders = values.Select((v, i) => Buy(i, 1, v * Unit))
            .Concat(costs.Select((k, i) => Sell(100 + i, 1, k * Unit))).ToArray();
        var c = Market.Clear(7, orders);

        Assert.Equal(4, c.Trades.Sum(t => t.Quantity));
        var price = Assert.Single(c.Trades.Select(t => t.Price).Distinct());
        Assert.InRange(price, 12 * Unit, 14 * Unit);
        Assert.Equal(13 * Unit, price);
        Assert.Equal([0, 1, 2, 3], c.Trades.Select(t => t.Buyer).Order());
        Assert.Equal([100, 101, 102, 103], c.Trades.Select(t => t.Seller).Order());
    }

    [Fact]
    public void The_tape_has_one_shout_per_order_at_the_clearing_price_or_its_limit()
    {
        var c = Market.Clear(0, [Buy(1, 1, 10 * Unit), Sell(2, 1, 4 * Unit), Buy(3, 1, 2 * Unit)]);

        Assert.Equal(3, c.Tape.Length);
        Assert.Contains(new Shout(Side.Buy, 7 * Unit, true), c.Tape);
        Assert.Contains(new Shout(Side.Sell, 7 * Unit, true), c.Tape);
        Assert.Contains(new Shout(Side.Buy, 2 * Unit, false), c.Tape);
    }

    [Fact]
    public void Fees_are_charged_to_sellers_and_reservations_copied()
    {
        var market = new CallMarket(Resource.Compute, 10_000, Seed);
        var c = market.Clear(0, [Buy(1, 3, 10 * Unit) with { Reservation = 11 * Unit }, Sell(2, 3, 4 * Unit) with { Reservation = 3 * Unit }]);

        var trade = Assert.Single(c.Trades);
        Assert.Equal((21 * Unit / 100, 11 * Unit, 3 * Unit), (trade.Fee, trade.BuyerValue, trade.SellerCost));
        Assert.Equal([0L, 21 * Unit / 100], c.Results.Select(r => r.Fee));
    }

    [Fact]
    public void Equal_prices_are_ranked_by_the_seeded_order_not_by_arrival()
    {
        // Two asks at the same price, one bid unit: who sells depends on the tick's seeded order.
        Order[] orders = [Sell(1, 1, 4 * Unit), Sell(2, 1, 4 * Unit), Buy(3, 1, 10 * Unit)];
        var sellers = new HashSet<int>();
        for (var tick = 0; tick < 64; tick++)
        {
            var first = SeededOrders.Of(Seed, Resource.Compute, tick, 3).First(i => i < 2);
            var trade = Assert.Single(Market.Clear(tick, orders).Trades);
            Assert.Equal(first + 1, trade.Seller);
            Assert.Equal(trade, Assert.Single(Market.Clear(tick, [.. orders.Reverse()]).Trades));
            sellers.Add(trade.Seller);
        }
        Assert.Equal(2, sellers.Count);
    }
}
