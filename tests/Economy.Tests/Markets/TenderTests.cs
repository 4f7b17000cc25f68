using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;

namespace M2MSim.Economy.Tests.Markets;

public sealed class TenderTests
{
    private const ulong Seed = 5;
    private const long Unit = 1_000_000;

    private static Tender Vickrey(int duration = 1, long feePpm = 0) => new(Resource.Compute, feePpm, Seed, TenderAward.Second, duration);

    private static Tender FirstPrice(int duration = 1) => new(Resource.Compute, 0, Seed, TenderAward.First, duration);

    /// <summary>A job of <paramref name="size"/> units with a reserve price per unit.</summary>
    private static Order Job(int device, int size, long reserve, int slot = 0) =>
        new(OrderIds.For(device, Resource.Compute, Side.Buy, slot), device, Resource.Compute, Side.Buy, size, reserve);

    /// <summary>A provider's sealed bid: an ask per unit for up to <paramref name="capacity"/> units.</summary>
    private static Order Bid(int device, int capacity, long ask, int slot = 0) =>
        new(OrderIds.For(device, Resource.Compute, Side.Sell, slot), device, Resource.Compute, Side.Sell, capacity, ask);

    [Fact]
    public void The_lowest_bid_wins_at_its_own_ask_in_a_first_price_tender_and_at_the_runner_up_in_a_vickrey_tender()
    {
        Order[] orders = [Job(1, 1, 10 * Unit), Bid(2, 1, 4 * Unit), Bid(3, 1, 6 * Unit), Bid(4, 1, 12 * Unit)];

        var first = Assert.Single(FirstPrice().Clear(0, orders).Trades);
        Assert.Equal((1, 2, 1, 4 * Unit), (first.Buyer, first.Seller, first.Quantity, first.Price));

        var second = Assert.Single(Vickrey().Clear(0, orders).Trades);
        Assert.Equal((1, 2, 1, 6 * Unit), (second.Buyer, second.Seller, second.Quantity, second.Price));
    }

    [Fact]
    public void A_lone_eligible_bid_is_paid_the_reserve_in_a_vickrey_tender_because_bids_above_the_reserve_do_not_count()
    {
        Order[] orders = [Job(1, 2, 10 * Unit), Bid(2, 2, 4 * Unit), Bid(3, 2, 11 * Unit)];

        var c = Vickrey().Clear(0, orders);
        var trade = Assert.Single(c.Trades);
        Assert.Equal((2, 10 * Unit), (trade.Seller, trade.Price));
        Assert.Equal([2, 2, 0], c.Results.Select(r => r.Filled));
        Assert.Equal((0L, 11 * Unit), (c.BestBid, c.BestAsk));

        Assert.Equal(4 * Unit, Assert.Single(FirstPrice().Clear(0, orders).Trades).Price);
    }

    [Fact]
    public void A_job_without_a_bid_at_or_under_its_reserve_is_not_awarded()
    {
        var c = Vickrey().Clear(0, [Job(1, 1, 3 * Unit), Bid(2, 1, 4 * Unit)]);

        Assert.Empty(c.Trades);
        Assert.All(c.Results, r => Assert.Equal(0, r.Filled));
        Assert.Equal((3 * Unit, 4 * Unit), (c.BestBid, c.BestAsk));
        Assert.Equal([new Shout(Side.Buy, 3 * Unit, false), new Shout(Side.Sell, 4 * Unit, false)], c.Tape.OrderBy(s => s.Side));
    }

    [Fact]
    public void A_job_goes_whole_to_one_provider_whose_capacity_covers_it_and_only_such_bids_set_the_price()
    {
        // Device 2 is cheapest but can take 2 of the 3 units: it neither wins nor sets the price.
        Order[] orders = [Job(1, 3, 10 * Unit), Bid(2, 2, 4 * Unit), Bid(3, 5, 7 * Unit), Bid(4, 3, 8 * Unit)];

        var c = Vickrey().Clear(0, orders);
        var trade = Assert.Single(c.Trades);
        Assert.Equal((3, 3, 8 * Unit), (trade.Seller, trade.Quantity, trade.Price));
        Assert.Equal([3, 0, 3, 0], c.Results.Select(r => r.Filled));
        Assert.Equal(4 * Unit, c.BestAsk); // device 2's bid is the best one with capacity left
    }

    [Fact]
    public void A_provider_with_capacity_left_takes_several_jobs_each_priced_on_its_own()
    {
        // Device 3 can run both jobs; for each, device 4 is the runner-up, and for the 5-unit job
        // the runner-up is capped by that job's reserve.
        Order[] orders = [Job(1, 1, 10 * Unit), Job(2, 1, 5 * Unit), Bid(3, 2, 2 * Unit), Bid(4, 1, 6 * Unit)];

        var c = Vickrey().Clear(0, orders);
        Assert.Equal([(1, 3, 6 * Unit), (2, 3, 5 * Unit)], c.Trades.Select(t => (t.Buyer, t.Seller, t.Price)).Order());
        var provider = c.Results.Single(r => r.Device == 3);
        Assert.Equal((2, 11 * Unit), (provider.Filled, provider.Notional));
    }

    [Fact]
    public void A_winners_own_other_bids_never_set_its_vickrey_price()
    {
        // Device 2 quotes two units (slots 0 and 1); its second unit is not competition for its first.
        Order[] orders = [Job(1, 1, 10 * Unit), Bid(2, 1, 4 * Unit, slot: 0), Bid(2, 1, 5 * Unit, slot: 1), Bid(3, 1, 7 * Unit)];

        var trade = Assert.Single(Vickrey().Clear(0, orders).Trades);
        Assert.Equal((2, 7 * Unit), (trade.Seller, trade.Price));
    }

    [Fact]
    public void Jobs_are_awarded_in_the_seeded_order_not_in_arrival_order()
    {
        // Two equal jobs, one provider with room for one: who gets it depends on the tick's seeded order.
        Order[] orders = [Job(1, 1, 10 * Unit), Job(2, 1, 10 * Unit), Bid(3, 1, 4 * Unit)];
        var winners = new HashSet<int>();
        for (var tick = 0; tick < 64; tick++)
        {
            var first = SeededOrders.Of(Seed, Resource.Compute, tick, 3).First(i => i < 2);
            var c = Vickrey().Clear(tick, orders);
            var trade = Assert.Single(c.Trades);
            Assert.Equal(first + 1, trade.Buyer);
            Assert.True(MarketChecks.Same(c, Vickrey().Clear(tick, [.. orders.Reverse()])));
            winners.Add(trade.Buyer);
        }
        Assert.Equal(2, winners.Count);
    }

    [Fact]
    public void Equal_asks_are_ranked_by_the_seeded_order()
    {
        Order[] orders = [Bid(1, 1, 4 * Unit), Bid(2, 1, 4 * Unit), Job(3, 1, 10 * Unit)];
        var providers = new HashSet<int>();
        for (var tick = 0; tick < 64; tick++)
        {
            var first = SeededOrders.Of(Seed, Resource.Compute, tick, 3).First(i => i < 2);
            var trade = Assert.Single(FirstPrice().Clear(tick, orders).Trades);
            Assert.Equal(first + 1, trade.Seller);
            providers.Add(trade.Seller);
        }
        Assert.Equal(2, providers.Count);
    }

    [Fact]
    public void An_awarded_job_is_paid_when_it_completes_and_what_won_nothing_comes_back_at_once()
    {
        var tender = Vickrey(duration: 3, feePpm: 10_000);
        Order[] orders = [Job(1, 2, 10 * Unit) with { Reservation = 12 * Unit }, Bid(2, 3, 4 * Unit) with { Reservation = 3 * Unit },
            Bid(3, 3, 6 * Unit), Job(5, 1, 2 * Unit)];

        var awarded = tender.Clear(10, orders);
        Assert.Empty(awarded.Trades);
        Assert.Equal([3, 5], awarded.Results.Select(r => r.Device)); // device 3 lost, device 5's job found no bid
        Assert.All(awarded.Results, r => Assert.Equal(0, r.Filled));
        Assert.Contains(new Shout(Side.Buy, 6 * Unit, true), awarded.Tape); // the award is on the tape at once
        Assert.Equal(2, tender.RunningOrders);

        var running = tender.Clear(11, [Bid(3, 1, 6 * Unit)]);
        Assert.Empty(running.Trades);
        Assert.Equal([3], running.Results.Select(r => r.Device));

        var completed = tender.Clear(12, []);
        var trade = Assert.Single(completed.Trades);
        Assert.Equal((12, 1, 2, 2, 6 * Unit, 12 * Unit / 100), (trade.Tick, trade.Buyer, trade.Seller, trade.Quantity, trade.Price, trade.Fee));
        Assert.Equal((12 * Unit, 3 * Unit), (trade.BuyerValue, trade.SellerCost));
        Assert.Equal([(1, 2, 12 * Unit, 0L), (2, 2, 12 * Unit, 12 * Unit / 100)],
            completed.Results.Select(r => (r.Device, r.Filled, r.Notional, r.Fee)));
        Assert.Equal(0, tender.RunningOrders);
        Assert.Empty(tender.Clear(13, []).Results);
    }

    [Fact]
    public void An_order_reusing_the_id_of_a_running_job_is_refused()
    {
        var tender = Vickrey(duration: 2);
        tender.Clear(0, [Job(1, 1, 10 * Unit), Bid(2, 1, 4 * Unit)]);

        var e = Assert.Throws<InvalidOperationException>(() => tender.Clear(1, [Job(1, 1, 10 * Unit)]));
        Assert.Contains("still running", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Completions_come_back_in_order_id_order_with_the_ticks_unawarded_orders()
    {
        var tender = Vickrey(duration: 2);
        tender.Clear(0, [Job(4, 1, 10 * Unit), Bid(6, 1, 4 * Unit)]);

        var c = tender.Clear(1, [Job(1, 1, 1 * Unit), Bid(5, 1, 9 * Unit), Job(9, 1, 1 * Unit)]);
        Assert.Equal([1, 4, 5, 6, 9], c.Results.Select(r => r.Device));
        Assert.Equal([0, 1, 0, 1, 0], c.Results.Select(r => r.Filled));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_job_runs_for_at_least_one_tick(int duration) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Vickrey(duration));
}
