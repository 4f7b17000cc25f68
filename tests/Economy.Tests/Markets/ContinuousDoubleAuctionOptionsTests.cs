using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Tests.Markets;

public sealed class ContinuousDoubleAuctionOptionsTests
{
    private const ulong Seed = 99;

    private static Order Buy(int device, int quantity, long price) =>
        new(OrderIds.For(device, Resource.Data, Side.Buy), device, Resource.Data, Side.Buy, quantity, price);

    private static Order Sell(int device, int quantity, long price) =>
        new(OrderIds.For(device, Resource.Data, Side.Sell), device, Resource.Data, Side.Sell, quantity, price);

    // Devices 1..4 sort in this order by id; the tick is chosen so they are also processed in it.
    private static readonly Order[] Book = [Buy(1, 1, 10), Buy(2, 1, 8), Sell(3, 2, 5), Sell(4, 1, 7)];
    private static readonly int InOrder = SeededOrders.TickWith(Seed, Resource.Data, 0, 1, 2, 3);

    [Fact]
    public void Plain_cda_lets_a_worse_bid_stand_and_trade_later()
    {
        var c = new ContinuousDoubleAuction(Resource.Data, 0, Seed).Clear(InOrder, Book);

        Assert.Equal([(1, 3, 10L), (2, 3, 8L)], c.Trades.Select(t => (t.Buyer, t.Seller, t.Price)));
        Assert.Equal((0L, 7L), (c.BestBid, c.BestAsk));
        Assert.Equal([new Shout(Side.Buy, 10, false), new Shout(Side.Buy, 8, false), new Shout(Side.Sell, 10, true), new Shout(Side.Sell, 7, false)], c.Tape);
    }

    [Fact]
    public void Nyse_rule_rejects_a_bid_that_does_not_improve_the_best_bid()
    {
        var c = new ContinuousDoubleAuction(Resource.Data, 0, Seed, nyseRule: true).Clear(InOrder, Book);

        // The bid at 8 came after the bid at 10 and was rejected, so the second ask finds no bid.
        var trade = Assert.Single(c.Trades);
        Assert.Equal((1, 3, 10L, 1), (trade.Buyer, trade.Seller, trade.Price, trade.Quantity));
        Assert.Equal(0, c.Results.Single(r => r.Device == 2).Filled);
        Assert.Equal((0L, 5L), (c.BestBid, c.BestAsk)); // the rest of the ask at 5 improves on the empty ask side
        Assert.Equal(new Shout(Side.Buy, 8, false), c.Tape[1]);
    }

    [Fact]
    public void Nyse_rule_rejects_an_ask_that_does_not_improve_the_best_ask_and_equal_is_not_better()
    {
        Order[] asks = [Sell(1, 1, 5), Sell(2, 1, 5), Sell(3, 1, 6), Buy(4, 3, 9)];
        var c = new ContinuousDoubleAuction(Resource.Data, 0, Seed, nyseRule: true).Clear(InOrder, asks);

        var trade = Assert.Single(c.Trades);
        Assert.Equal((4, 1, 5L), (trade.Buyer, trade.Seller, trade.Price));
        Assert.Equal((9L, 0L), (c.BestBid, c.BestAsk));
    }

    [Fact]
    public void Clear_after_trade_empties_the_book_including_both_parties_remainders()
    {
        var c = new ContinuousDoubleAuction(Resource.Data, 0, Seed, clearAfterTrade: true).Clear(InOrder, Book);

        // The ask of 2 trades one unit with the bid at 10; the book is then emptied, so the bid at 8
        // and the rest of the ask expire, and the last ask stands alone.
        var trade = Assert.Single(c.Trades);
        Assert.Equal((1, 3, 10L, 1), (trade.Buyer, trade.Seller, trade.Price, trade.Quantity));
        Assert.Equal([1, 0, 1, 0], c.Results.Select(r => r.Filled));
        Assert.Equal((0L, 7L), (c.BestBid, c.BestAsk));
    }

    [Fact]
    public void An_order_that_sweeps_several_quotes_is_one_shout_at_its_first_deal_price()
    {
        Order[] book = [Sell(1, 1, 5), Sell(2, 1, 6), Buy(3, 2, 9)];
        var tick = SeededOrders.TickWith(Seed, Resource.Data, 0, 1, 2);
        var c = new ContinuousDoubleAuction(Resource.Data, 0, Seed).Clear(tick, book);

        Assert.Equal(2, c.Trades.Length);
        Assert.Equal([new Shout(Side.Sell, 5, false), new Shout(Side.Sell, 6, false), new Shout(Side.Buy, 5, true)], c.Tape);
    }
}
