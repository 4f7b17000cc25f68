using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Markets;

/// <summary>
/// A call market (clearing house): once per tick, all orders are crossed at one uniform price.
/// Bids are ranked by price descending and asks ascending, ties by the seeded order of the tick
/// (so arrival order never matters). The traded quantity Q is the largest number of units such
/// that the Q-th unit's bid is at least the Q-th unit's ask. The price is the midpoint of the
/// interval of prices that clear exactly Q units,
/// [max(Q-th ask, (Q+1)-th bid), min(Q-th bid, (Q+1)-th ask)] (a bound that does not exist is
/// dropped), rounded down to a micro-unit. All Q units trade at that price, bid units paired with
/// ask units in ranked order; partial fills are allowed.
/// </summary>
public sealed class CallMarket : IMarketMechanism
{
    private readonly Resource _resource;
    private readonly TickBook _book; // kept from tick to tick: its arrays are reused
    private readonly ulong _seed;

    public CallMarket(Resource resource, long feePpm, ulong seed)
    {
        TickBook.CheckFee(feePpm);
        _resource = resource;
        _book = new TickBook(resource, feePpm);
        _seed = seed;
    }

    public Resource Resource => _resource;

    public void Recycle(MarketClearing clearing) => _book.Recycle(clearing.Results);

    /// <summary>
    /// The tape has one shout per order, in the tick's seeded order: at the clearing price with a
    /// deal if the order filled at all, else at its limit without one.
    /// </summary>
    public MarketClearing Clear(int tick, IReadOnlyCollection<Order> orders)
    {
        var book = _book;
        book.Open(tick, orders);
        var quotes = book.Orders;
        var sequence = book.SeededOrder(_seed);
        var rank = TickBook.RankOf(sequence);
        var bids = book.Ranked(rank, Side.Buy);
        var asks = book.Ranked(rank, Side.Sell);

        // Walk the two schedules unit block by unit block. Prices are monotone along each, so
        // once a bid unit no longer reaches its ask unit no later pair does either.
        var pairs = new List<(int Bid, int Ask, int Quantity)>();
        int i = 0, j = 0;
        var bidLeft = bids.Length > 0 ? quotes[bids[0]].Quantity : 0;
        var askLeft = asks.Length > 0 ? quotes[asks[0]].Quantity : 0;
        long lastBid = 0, lastAsk = 0;
        while (i < bids.Length && j < asks.Length)
        {
            var bid = quotes[bids[i]].LimitPrice;
            var ask = quotes[asks[j]].LimitPrice;
            if (bid < ask) break;
            var quantity = Math.Min(bidLeft, askLeft);
            pairs.Add((bids[i], asks[j], quantity));
            (lastBid, lastAsk) = (bid, ask);
            bidLeft -= quantity;
            askLeft -= quantity;
            if (bidLeft == 0 && ++i < bids.Length) bidLeft = quotes[bids[i]].Quantity;
            if (askLeft == 0 && ++j < asks.Length) askLeft = quotes[asks[j]].Quantity;
        }

        var price = 0L;
        if (pairs.Count > 0)
        {
            // i and j now point at the (Q+1)-th unit of each side, if there is one.
            var low = i < bids.Length ? Math.Max(lastAsk, quotes[bids[i]].LimitPrice) : lastAsk;
            var high = j < asks.Length ? Math.Min(lastBid, quotes[asks[j]].LimitPrice) : lastBid;
            price = (low + high) / 2;
            foreach (var (bid, ask, quantity) in pairs) book.Trade(bid, ask, quantity, price);
        }

        var tape = new TapeRecorder();
        foreach (var k in sequence)
        {
            var deal = book.Fills[k].Filled > 0;
            tape.Add(new Shout(quotes[k].Side, deal ? price : quotes[k].LimitPrice, deal));
        }
        var (bestBid, bestAsk) = book.BestUnfilled();
        return book.Close(bestBid, bestAsk, tape);
    }
}
