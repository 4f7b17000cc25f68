using M2MSim.Economy.Markets;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Tests.Markets;

public sealed class ContinuousDoubleAuctionTests
{
    private const ulong Seed = 2024;
    private static readonly ContinuousDoubleAuction Market = new(Resource.Compute, 0, Seed);

    private static Order Buy(int device, int quantity, long price) =>
        new(OrderIds.For(device, Resource.Compute, Side.Buy), device, Resource.Compute, Side.Buy, quantity, price);

    private static Order Sell(int device, int quantity, long price) =>
        new(OrderIds.For(device, Resource.Compute, Side.Sell), device, Resource.Compute, Side.Sell, quantity, price);

    /// <summary>
    /// The documented processing order: the id-sorted book, shuffled (Fisher–Yates) by the
    /// market's stream for the tick. Used only to know which of two orders arrived first.
    /// </summary>
    private static int[] ProcessingOrder(int tick, int count)
    {
        var sequence = Enumerable.Range(0, count).ToArray();
        var rng = new RandomStream(Seed, RandomPurpose.MarketOrder, (long)Resource.Compute, tick);
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)rng.NextLong(0, i);
            (sequence[i], sequence[j]) = (sequence[j], sequence[i]);
        }
        return sequence;
    }

    [Fact]
    public void A_crossing_order_trades_at_the_standing_quotes_price()
    {
        // Ask (device 1, id 11) sorts before bid (device 2, id 16).
        var ask = Sell(1, 1, 100);
        var bid = Buy(2, 1, 120);
        bool sawAskStanding = false, sawBidStanding = false;
        for (var tick = 0; tick < 64; tick++)
        {
            var c = Market.Clear(tick, [bid, ask]);
            var trade = Assert.Single(c.Trades);
            Assert.Equal((2, 1, 1), (trade.Buyer, trade.Seller, trade.Quantity));
            var askFirst = ProcessingOrder(tick, 2)[0] == 0;
            Assert.Equal(askFirst ? 100 : 120, trade.Price);
            sawAskStanding |= askFirst;
            sawBidStanding |= !askFirst;
        }
        Assert.True(sawAskStanding && sawBidStanding, "both arrival orders should occur over 64 ticks");
    }

    [Fact]
    public void Trades_carry_the_buyers_value_and_the_sellers_cost_for_surplus_measures()
    {
        var ask = Sell(1, 2, 100) with { Reservation = 80 };
        var bid = Buy(2, 2, 120) with { Reservation = 150 };

        var trade = Assert.Single(Market.Clear(0, [ask, bid]).Trades);

        Assert.Equal(150, trade.BuyerValue);
        Assert.Equal(80, trade.SellerCost);
    }

    [Fact]
    public void A_partial_fill_leaves_the_remainder_standing()
    {
        var c = Market.Clear(0, [Sell(1, 5, 100), Buy(2, 3, 120)]);
        var trade = Assert.Single(c.Trades);
        Assert.Equal(3, trade.Quantity);
        var sell = c.Results.Single(r => r.Side == Side.Sell);
        var buy = c.Results.Single(r => r.Side == Side.Buy);
        Assert.Equal(3, sell.Filled);
        Assert.Equal(3, buy.Filled);
        Assert.Equal(3 * trade.Price, sell.Notional);
        Assert.Equal(3 * trade.Price, buy.Notional);
        Assert.Equal(100, c.BestAsk); // the 2 unsold units still stand
        Assert.Equal(0, c.BestBid);
    }

    [Fact]
    public void A_large_order_sweeps_several_quotes_best_price_first()
    {
        // Whatever the arrival order, the 150 bid (5 units) can only take the asks at or below 150,
        // and the cheaper ask is always consumed before the dearer one by the standing-price rule
        // or by price priority; the 160 ask never trades.
        for (var tick = 0; tick < 16; tick++)
        {
            var c = Market.Clear(tick, [Sell(1, 2, 110), Sell(2, 2, 100), Sell(3, 2, 160), Buy(4, 5, 150)]);
            Assert.Equal(4, c.Trades.Sum(t => t.Quantity));
            Assert.DoesNotContain(c.Trades, t => t.Seller == 3);
            var buy = c.Results.Single(r => r.Device == 4);
            Assert.Equal(4, buy.Filled);
            Assert.Equal(150, c.BestBid); // one unit left
            Assert.Equal(160, c.BestAsk);
        }
    }

    [Fact]
    public void Best_bid_and_ask_are_the_best_unfilled_quotes_at_the_close()
    {
        // Only the 100 ask crosses (the 120 bid); the 120 bid keeps one unit, the 95 bid and 130 ask stand.
        for (var tick = 0; tick < 16; tick++)
        {
            var c = Market.Clear(tick, [Buy(1, 2, 120), Buy(2, 1, 95), Sell(3, 1, 100), Sell(4, 1, 130)]);
            var trade = Assert.Single(c.Trades);
            Assert.Equal((1, 3, 1), (trade.Buyer, trade.Seller, trade.Quantity));
            Assert.Equal(120, c.BestBid);
            Assert.Equal(130, c.BestAsk);
        }
    }

    [Fact]
    public void A_book_that_does_not_cross_gives_no_trades()
    {
        var c = Market.Clear(3, [Buy(1, 1, 90), Buy(2, 4, 80), Sell(3, 2, 100), Sell(4, 1, 110)]);
        Assert.Empty(c.Trades);
        Assert.Equal(90, c.BestBid);
        Assert.Equal(100, c.BestAsk);
        Assert.All(c.Results, r => Assert.Equal((0, 0L, 0L), (r.Filled, r.Notional, r.Fee)));
    }

    [Fact]
    public void An_empty_book_and_a_fully_filled_book_report_zero_quotes()
    {
        var empty = Market.Clear(0, []);
        Assert.Empty(empty.Trades);
        Assert.Empty(empty.Results);
        Assert.Equal((0L, 0L), (empty.BestBid, empty.BestAsk));

        var filled = Market.Clear(0, [Buy(1, 3, 100), Sell(2, 3, 90)]);
        Assert.Equal(3, Assert.Single(filled.Trades).Quantity);
        Assert.Equal((0L, 0L), (filled.BestBid, filled.BestAsk));
    }

    [Fact]
    public void Results_are_one_per_order_in_id_order()
    {
        var orders = new[] { Sell(7, 1, 50), Buy(3, 2, 60), Sell(1, 1, 55), Buy(5, 1, 40) };
        var c = Market.Clear(0, orders);
        Assert.Equal(orders.Select(o => o.Id).Order(), c.Results.Select(r => r.OrderId));
        foreach (var r in c.Results)
        {
            var o = orders.Single(x => x.Id == r.OrderId);
            Assert.Equal((o.Device, o.Side, o.Quantity, o.LimitPrice), (r.Device, r.Side, r.Quantity, r.LimitPrice));
        }
    }

    [Fact]
    public void The_fee_is_rounded_down_and_charged_to_the_seller()
    {
        var market = new ContinuousDoubleAuction(Resource.Compute, 12_345, Seed); // 1.2345 %
        var c = market.Clear(0, [Buy(1, 7, 1_000_009), Sell(2, 7, 1_000_009)]);
        var trade = Assert.Single(c.Trades);
        var value = 7L * 1_000_009;
        Assert.Equal(value * 12_345 / 1_000_000, trade.Fee); // 86415.777… → 86415, not 86416
        Assert.Equal(86_415, trade.Fee);
        Assert.Equal(trade.Fee, c.Results.Single(r => r.Side == Side.Sell).Fee);
        Assert.Equal(0, c.Results.Single(r => r.Side == Side.Buy).Fee);
    }

    [Fact]
    public void A_collection_whose_count_disagrees_with_its_orders_is_refused()
    {
        var market = new ContinuousDoubleAuction(Resource.Compute, 0, Seed);
        market.Clear(0, [Buy(1, 1, 10), Buy(2, 1, 10), Sell(3, 1, 20)]); // the kept book holds three orders now
        Assert.Throws<ArgumentException>(() => market.Clear(1, new Miscounted([Buy(4, 1, 10)], count: 2)));
        Assert.Throws<ArgumentException>(() => market.Clear(2, new Miscounted([Buy(4, 1, 10), Sell(5, 1, 5)], count: 1)));
        // A list is copied in one block (the engines pass lists): one that counts otherwise is refused too.
        Assert.Throws<ArgumentException>(() => market.Clear(3, new MiscountedList([Buy(4, 1, 10)], count: 2)));
        Assert.Throws<ArgumentException>(() => market.Clear(4, new MiscountedList([Buy(4, 1, 10), Sell(5, 1, 5)], count: 1)));
    }

    private sealed class MiscountedList(Order[] orders, int count) : List<Order>(orders), IReadOnlyCollection<Order>
    {
        int IReadOnlyCollection<Order>.Count => count;
    }

    private sealed class Miscounted(Order[] orders, int count) : IReadOnlyCollection<Order>
    {
        public int Count => count;

        public IEnumerator<Order> GetEnumerator() => ((IEnumerable<Order>)orders).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void Duplicate_order_ids_throw()
    {
        var o = Buy(1, 1, 10);
        Assert.Throws<InvalidOperationException>(() => Market.Clear(0, [o, o with { Quantity = 2 }]));
        Assert.Throws<InvalidOperationException>(() => Market.Clear(0, new List<Order> { o, o with { Quantity = 2 } })); // the engines' lists
        Assert.Throws<InvalidOperationException>(() => Market.Clear(0, new[] { o, o with { Quantity = 2 } }));
    }

    [Fact]
    public void A_device_trading_with_itself_throws()
    {
        Assert.Throws<InvalidOperationException>(() => Market.Clear(0, [Buy(1, 1, 120), Sell(1, 1, 100)]));
    }

    [Fact]
    public void Invalid_orders_and_fees_are_refused()
    {
        Order[] invalid = [Buy(1, 0, 10), Buy(1, 1, 0), Buy(1, 1, 10) with { Resource = Resource.Data }];
        foreach (var o in invalid)
        {
            Assert.Throws<ArgumentException>(() => Market.Clear(0, [Sell(2, 1, 5), o]));
            Assert.Throws<ArgumentException>(() => Market.Clear(0, new List<Order> { Sell(2, 1, 5), o })); // the engines' lists, copied in one block
            Assert.Throws<ArgumentException>(() => Market.Clear(0, new[] { Sell(2, 1, 5), o }));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContinuousDoubleAuction(Resource.Data, -1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContinuousDoubleAuction(Resource.Data, 1_000_001, 0));
    }

    [Fact]
    public void The_clearing_does_not_depend_on_the_input_order()
    {
        var orders = new[] { Buy(1, 3, 120), Buy(2, 2, 110), Sell(3, 2, 100), Sell(4, 4, 105), Buy(5, 1, 130), Sell(6, 1, 90) };
        var expected = Market.Clear(5, orders);
        Assert.NotEmpty(expected.Trades);
        foreach (var permuted in new[] { orders.Reverse().ToArray(), orders.OrderBy(o => o.LimitPrice).ToArray(), orders.OrderBy(o => -o.Quantity).ToArray() })
        {
            var c = Market.Clear(5, permuted);
            Assert.Equal(expected.Trades, c.Trades);
            Assert.Equal(expected.Results, c.Results);
            Assert.Equal((expected.BestBid, expected.BestAsk), (c.BestBid, c.BestAsk));
        }
    }

    /// <summary>
    /// A clearing handed back lends its results' array to the next clearing of as many orders, and
    /// to no other; an older clearing, or another market's, is not taken back.
    /// </summary>
    [Fact]
    public void A_recycled_clearing_lends_its_results_to_the_next_clearing_of_as_many_orders()
    {
        Order[] orders = [Buy(1, 2, 120), Sell(2, 1, 100), Sell(3, 1, 110), Buy(4, 1, 90)];
        var market = new ContinuousDoubleAuction(Resource.Compute, 0, Seed);
        var first = market.Clear(0, orders);
        market.Recycle(first);
        var second = market.Clear(1, orders);
        Assert.Same(first.Results, second.Results);
        Assert.Equal(new ContinuousDoubleAuction(Resource.Compute, 0, Seed).Clear(1, orders).Results, second.Results);

        var third = market.Clear(2, orders); // the second not handed back: a fresh array
        Assert.NotSame(second.Results, third.Results);
        market.Recycle(second); // older than the last clearing: not taken back
        Assert.NotSame(second.Results, market.Clear(3, orders).Results);

        var other = new ContinuousDoubleAuction(Resource.Compute, 0, Seed);
        var foreign = other.Clear(0, orders);
        market.Recycle(foreign);
        Assert.NotSame(foreign.Results, market.Clear(4, orders).Results);

        var fifth = market.Clear(5, orders);
        market.Recycle(fifth);
        Assert.NotSame(fifth.Results, market.Clear(6, orders[..3]).Results); // fewer orders: a fresh array
    }
}
