using M2MSim.Economy.Money;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Markets;

/// <summary>
/// A continuous double auction for one resource. Within a tick the orders are processed one by
/// one in an order drawn from the seeded stream (after sorting by id), so the outcome never
/// depends on the order in which they arrived. An incoming order trades against the best standing
/// quotes while prices cross, at the standing quote's price; what is left stands in the book.
/// Orders live one tick: when the tick closes, the book is emptied and the rest expires.
/// </summary>
public sealed class ContinuousDoubleAuction
{
    private readonly Resource _resource;
    private readonly long _feePpm;
    private readonly ulong _seed;

    public ContinuousDoubleAuction(Resource resource, long feePpm, ulong seed)
    {
        if (feePpm is < 0 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(feePpm), feePpm, "A fee is between 0 and 1.");
        _resource = resource;
        _feePpm = feePpm;
        _seed = seed;
    }

    public Resource Resource => _resource;

    public MarketClearing Clear(int tick, IReadOnlyCollection<Order> orders)
    {
        var book = new Order[orders.Count];
        var i0 = 0;
        foreach (var o in orders)
        {
            Validate(o);
            book[i0++] = o;
        }
        Array.Sort(book, static (a, b) => a.Id.CompareTo(b.Id));
        for (var i = 1; i < book.Length; i++)
        {
            if (book[i].Id == book[i - 1].Id)
                throw new InvalidOperationException($"Order id {book[i].Id} was submitted twice to the {_resource.Name()} market in tick {tick}.");
        }

        // Results are indexed like the sorted book; the processing order is a seeded permutation.
        var remaining = new int[book.Length];
        var filled = new int[book.Length];
        var notional = new long[book.Length];
        var fees = new long[book.Length];
        for (var i = 0; i < book.Length; i++) remaining[i] = book[i].Quantity;

        var sequence = new int[book.Length];
        for (var i = 0; i < sequence.Length; i++) sequence[i] = i;
        var rng = new RandomStream(_seed, RandomPurpose.MarketOrder, (long)_resource, tick);
        for (var i = sequence.Length - 1; i > 0; i--)
        {
            var j = (int)rng.NextLong(0, i);
            (sequence[i], sequence[j]) = (sequence[j], sequence[i]);
        }

        // Priority: better price first, then earlier arrival in the processing order.
        var bids = new PriorityQueue<int, (long, int)>();
        var asks = new PriorityQueue<int, (long, int)>();
        var trades = new List<Trade>();

        for (var arrival = 0; arrival < sequence.Length; arrival++)
        {
            var incoming = sequence[arrival];
            var order = book[incoming];
            var opposite = order.Side == Side.Buy ? asks : bids;
            while (remaining[incoming] > 0 && opposite.TryPeek(out var standing, out _))
            {
                var quote = book[standing];
                var crosses = order.Side == Side.Buy ? order.LimitPrice >= quote.LimitPrice : order.LimitPrice <= quote.LimitPrice;
                if (!crosses) break;

                var quantity = Math.Min(remaining[incoming], remaining[standing]);
                var price = quote.LimitPrice;
                var value = checked(price * quantity);
                var fee = Micros.MulPpm(value, _feePpm);
                var (buyer, seller) = order.Side == Side.Buy ? (incoming, standing) : (standing, incoming);
                if (book[buyer].Device == book[seller].Device)
                    throw new InvalidOperationException($"Device {book[buyer].Device} would trade {_resource.Name()} with itself in tick {tick}.");

                trades.Add(new Trade(tick, _resource, trades.Count, book[buyer].Device, book[seller].Device, quantity, price, fee,
                    book[buyer].Reservation, book[seller].Reservation));
                foreach (var k in (ReadOnlySpan<int>)[buyer, seller])
                {
                    remaining[k] -= quantity;
                    filled[k] += quantity;
                    notional[k] += value;
                }
                fees[seller] += fee;
                if (remaining[standing] == 0) opposite.Dequeue();
            }

            if (remaining[incoming] > 0)
            {
                if (order.Side == Side.Buy) bids.Enqueue(incoming, (-order.LimitPrice, arrival));
                else asks.Enqueue(incoming, (order.LimitPrice, arrival));
            }
        }

        var bestBid = bids.TryPeek(out var b, out _) ? book[b].LimitPrice : 0;
        var bestAsk = asks.TryPeek(out var a, out _) ? book[a].LimitPrice : 0;

        var results = new OrderResult[book.Length];
        for (var i = 0; i < book.Length; i++)
        {
            var o = book[i];
            results[i] = new OrderResult(o.Id, o.Device, o.Resource, o.Side, o.Quantity, o.LimitPrice, filled[i], notional[i], fees[i]);
        }
        return new MarketClearing(_resource, trades.ToArray(), results, bestBid, bestAsk);
    }

    private void Validate(Order o)
    {
        if (o.Resource != _resource) throw new ArgumentException($"Order {o.Id} is for {o.Resource.Name()}, not {_resource.Name()}.");
        if (o.Quantity <= 0) throw new ArgumentException($"Order {o.Id} has quantity {o.Quantity}.");
        if (o.LimitPrice <= 0) throw new ArgumentException($"Order {o.Id} has price {o.LimitPrice}.");
    }
}
