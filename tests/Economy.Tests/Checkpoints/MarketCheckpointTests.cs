using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;

namespace M2MSim.Economy.Tests.Checkpoints;

public sealed class MarketCheckpointTests
{
    private const long Unit = 1_000_000;

    private static Order Job(int device, int size, long reserve) =>
        new(OrderIds.For(device, Resource.Compute, Side.Buy), device, Resource.Compute, Side.Buy, size, reserve);

    private static Order Bid(int device, int capacity, long ask) =>
        new(OrderIds.For(device, Resource.Compute, Side.Sell), device, Resource.Compute, Side.Sell, capacity, ask);

    /// <summary>A market's state as it travels: inside a checkpoint header, through its JSON.</summary>
    private static MarketState Stored(MarketState state) =>
        Assert.Single(CheckpointJson.DeserializeCheckpoint(CheckpointJson.Serialize(new Checkpoint(0, 0, 0, 0, 0, [], [state]))).Markets);

    [Fact]
    public void A_restored_tender_completes_the_jobs_it_was_running_as_the_original_does()
    {
        var original = new Tender(Resource.Compute, 20_000, 5, TenderAward.Second, duration: 3);
        original.Clear(0, [Job(1, 2, 10 * Unit), Bid(2, 4, 4 * Unit), Bid(3, 4, 6 * Unit)]);
        original.Clear(1, [Job(4, 1, 9 * Unit), Bid(5, 1, 3 * Unit)]);
        Assert.Equal(4, original.RunningOrders);

        var state = Stored(original.Capture());
        Assert.Equal([2, 3], state.Running!.Select(r => r.CompletesAt));
        var restored = new Tender(Resource.Compute, 20_000, 5, TenderAward.Second, duration: 3);
        restored.Restore(state);
        Assert.Equal(4, restored.RunningOrders);

        // A held id is still refused, and the jobs come back at the ticks they complete, with their trades.
        Assert.Throws<InvalidOperationException>(() => restored.Clear(2, [Job(1, 1, 5 * Unit)]));
        for (var tick = 2; tick < 5; tick++)
        {
            Order[] orders = tick == 3 ? [Job(6, 1, 8 * Unit), Bid(3, 4, 6 * Unit)] : [];
            Assert.Equal(Rendering.Of(original.Clear(tick, orders)), Rendering.Of(restored.Clear(tick, orders)));
        }
        Assert.Equal(Rendering.Of(original.Capture()), Rendering.Of(restored.Capture()));
        Assert.Equal(2, restored.RunningOrders); // tick 3's award: job and bid, completing in tick 5
    }

    [Fact]
    public void A_restored_tender_paid_what_its_jobs_were_awarded()
    {
        var original = new Tender(Resource.Compute, 0, 5, TenderAward.First, duration: 2);
        original.Clear(0, [Job(1, 2, 10 * Unit), Bid(2, 4, 4 * Unit)]);
        var restored = new Tender(Resource.Compute, 0, 5, TenderAward.First, duration: 2);
        restored.Restore(Stored(original.Capture()));

        var done = restored.Clear(1, []);
        var trade = Assert.Single(done.Trades);
        Assert.Equal((1, 1, 2, 2, 4 * Unit), (trade.Tick, trade.Buyer, trade.Seller, trade.Quantity, trade.Price));
        Assert.Equal([2, 2], done.Results.Select(r => r.Filled));
        Assert.Equal(0, restored.RunningOrders);
        Assert.Equal(MarketState.None, restored.Capture());
    }

    [Fact]
    public void A_restored_posted_price_posts_the_price_it_had_reached()
    {
        PostedPrice Market() => new(Resource.Compute, 0, 3, 1 * Unit, 100 * Unit, 50 * Unit, 0.5);
        var original = Market();
        original.Clear(0, [Job(1, 5, 80 * Unit), Bid(2, 1, 10 * Unit)]);
        Assert.NotEqual(50 * Unit, original.Price);

        var restored = Market();
        restored.Restore(Stored(original.Capture()));
        Assert.Equal(original.Price, restored.Price);
        Order[] orders = [Job(1, 2, 90 * Unit), Bid(2, 3, 20 * Unit), Bid(3, 1, 70 * Unit)];
        Assert.Equal(Rendering.Of(original.Clear(1, orders)), Rendering.Of(restored.Clear(1, orders)));
        Assert.Throws<InvalidOperationException>(() => Market().Restore(MarketState.None));
        Assert.Throws<InvalidOperationException>(() => Market().Restore(new MarketState(Price: 500 * Unit)));
    }

    [Fact]
    public void Mechanisms_that_carry_nothing_capture_nothing_and_refuse_a_state()
    {
        IMarketMechanism[] stateless =
        [
            new ContinuousDoubleAuction(Resource.Compute, 0, 1),
            new CallMarket(Resource.Compute, 0, 1),
            new BilateralNegotiation(Resource.Compute),
        ];
        foreach (var m in stateless)
        {
            if (m is not BilateralNegotiation) m.Clear(0, [Job(1, 2, 10 * Unit), Bid(2, 1, 4 * Unit), Bid(3, 1, 20 * Unit)]);
            Assert.Equal(MarketState.None, m.Capture());
            m.Restore(MarketState.None);
            Assert.Throws<InvalidOperationException>(() => m.Restore(new MarketState(Price: Unit)));
            Assert.Throws<InvalidOperationException>(() => m.Restore(new MarketState(Running: [])));
        }
        Assert.Throws<InvalidOperationException>(() => new Tender(Resource.Compute, 0, 1, TenderAward.Second, 2).Restore(new MarketState(Price: Unit)));
    }
}
