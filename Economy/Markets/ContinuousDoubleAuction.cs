using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Markets;

/// <summary>
/// A continuous double auction for one resource. Within a tick the orders are processed one by
/// one in an order drawn from the seeded stream (after sorting by id), so the outcome never
/// depends on the order in which they arrived. An incoming order trades against the best standing
/// quotes while prices cross, at the standing quote's price; what is left stands in the book.
/// Orders live one tick: when the tick closes, the book is emptied and the rest expires.
/// </summary>
/// <remarks>
/// Two classic variants are options. <c>nyseRule</c>: a quote enters the book only if it improves
/// on the best standing quote of its side (otherwise it expires unfilled). <c>clearAfterTrade</c>
/// (Gode &amp; Sunder 1993): every trade empties the book, including what is left of both parties.
/// </remarks>
public sealed class ContinuousDoubleAuction : IMarketMechanism
{
    private readonly Resource _resource;
    private readonly ulong _seed;
    private readonly bool _nyseRule;
    private readonly bool _clearAfterTrade;
    private readonly TickBook _book;

    // Priority: better price first, then earlier arrival in the processing order. Emptied every
    // tick and kept, like the book, so their arrays are not allocated again at every tick.
    private readonly PriorityQueue<int, (long, int)> _bids = new();
    private readonly PriorityQueue<int, (long, int)> _asks = new();

    public ContinuousDoubleAuction(Resource resource, long feePpm, ulong seed, bool nyseRule = false, bool clearAfterTrade = false)
    {
        TickBook.CheckFee(feePpm);
        _resource = resource;
        _seed = seed;
        _nyseRule = nyseRule;
        _clearAfterTrade = clearAfterTrade;
        _book = new TickBook(resource, feePpm);
    }

    public Resource Resource => _resource;

    public bool NyseRule => _nyseRule;

    public bool ClearAfterTrade => _clearAfterTrade;

    public void Recycle(MarketClearing clearing) => _book.Recycle(clearing.Results);

    /// <summary>
    /// The tape has one shout per incoming order, in processing order: at the price of its first
    /// deal if it traded (an order that sweeps several quotes is one shout, not one per fill: it
    /// is one quote arriving), else at its limit.
    /// </summary>
    public MarketClearing Clear(int tick, IReadOnlyCollection<Order> orders)
    {
        var book = _book;
        book.Open(tick, orders);
        var quotes = book.Orders;
        var fills = book.Fills;
        var sequence = book.SeededOrder(_seed);
        var arrivals = book.InSequence(sequence);
        var tape = new TapeRecorder();
        var (bids, asks) = (_bids, _asks);
        bids.Clear();
        asks.Clear();

        for (var arrival = 0; arrival < sequence.Length; arrival++)
        {
            var incoming = sequence[arrival];
            var order = arrivals[arrival];
            var left = order.Quantity; // an order trades nothing before it arrives: what it has left is tracked here, not read back
            var opposite = order.Side == Side.Buy ? asks : bids;
            var firstDeal = 0L;
            var traded = false;
            var cleared = false;
            while (left > 0 && opposite.TryPeek(out var standing, out var priority))
            {
                // The standing quote's price from its priority: most orders do not cross, and reading
                // the quote itself is a cache miss at a million orders.
                var price = PriceOf(priority, order.Side == Side.Buy ? Side.Sell : Side.Buy);
                var crosses = order.Side == Side.Buy ? order.LimitPrice >= price : order.LimitPrice <= price;
                if (!crosses) break;

                ref readonly var quote = ref quotes[standing];
                var quantity = Math.Min(left, fills[standing].Remaining);
                if (order.Side == Side.Buy) book.Trade(incoming, order, standing, quote, quantity, price);
                else book.Trade(standing, quote, incoming, order, quantity, price);
                left -= quantity;
                if (!traded) firstDeal = price;
                traded = true;
                if (fills[standing].Remaining == 0) opposite.Dequeue();
                if (_clearAfterTrade)
                {
                    bids.Clear();
                    asks.Clear();
                    cleared = true;
                    break;
                }
            }
            tape.Add(new Shout(order.Side, traded ? firstDeal : order.LimitPrice, traded));

            if (left == 0 || cleared) continue;
            var own = order.Side == Side.Buy ? bids : asks;
            // A remainder of an order that traded always improves (it crossed the other side, which
            // the own side never reaches), so the rule only ever rejects quotes that did not trade.
            if (_nyseRule && own.TryPeek(out _, out var best) && !Improves(order, PriceOf(best, order.Side))) continue;
            if (order.Side == Side.Buy) bids.Enqueue(incoming, (-order.LimitPrice, arrival));
            else asks.Enqueue(incoming, (order.LimitPrice, arrival));
        }

        var bestBid = bids.TryPeek(out _, out var b) ? PriceOf(b, Side.Buy) : 0;
        var bestAsk = asks.TryPeek(out _, out var a) ? PriceOf(a, Side.Sell) : 0;
        return book.Close(bestBid, bestAsk, tape);
    }

    /// <summary>The limit price a standing quote of <paramref name="side"/> was queued with (bids are keyed by the negated price).</summary>
    private static long PriceOf((long Key, int Arrival) priority, Side side) => side == Side.Buy ? -priority.Key : priority.Key;

    private static bool Improves(Order order, long best) => order.Side == Side.Buy ? order.LimitPrice > best : order.LimitPrice < best;
}
