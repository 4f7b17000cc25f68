using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Markets;

/// <summary>
/// A posted-price market: the operator announces a price p, and every order that accepts p
/// (asks ≤ p supply, bids ≥ p demand) is a candidate to trade at p. The short side is served in
/// full; the long side is rationed in the tick's seeded order (so arrival order never matters).
/// After each tick the operator moves the price toward the excess demand it saw:
/// p ← p × (1 + adjust × (demand − supply) / max(demand + supply, 1)), counted in units, clamped
/// to the price range and rounded half to even to a micro-unit. The price is state kept from tick
/// to tick, which is why a mechanism instance belongs to one market.
/// </summary>
public sealed class PostedPrice : IMarketMechanism
{
    private readonly Resource _resource;
    private readonly TickBook _book; // kept from tick to tick: its arrays are reused
    private readonly ulong _seed;
    private readonly long _minPrice;
    private readonly long _maxPrice;
    private readonly double _adjust;

    /// <param name="minPrice">Lowest price the operator posts, in micro-units.</param>
    /// <param name="maxPrice">Highest price the operator posts, in micro-units.</param>
    /// <param name="initialPrice">The price of the first tick, in micro-units, within [min, max].</param>
    /// <param name="adjust">How strongly the price follows excess demand, 0 (never moves) to 1.</param>
    public PostedPrice(Resource resource, long feePpm, ulong seed, long minPrice, long maxPrice, long initialPrice, double adjust)
    {
        TickBook.CheckFee(feePpm);
        if (minPrice < 1 || minPrice >= maxPrice) throw new ArgumentOutOfRangeException(nameof(minPrice), minPrice, $"The range [{minPrice}, {maxPrice}] is empty or not positive.");
        if (initialPrice < minPrice || initialPrice > maxPrice) throw new ArgumentOutOfRangeException(nameof(initialPrice), initialPrice, "The initial price is outside the price range.");
        if (!(adjust is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(adjust), adjust, "adjust is between 0 and 1.");
        _resource = resource;
        _book = new TickBook(resource, feePpm);
        _seed = seed;
        _minPrice = minPrice;
        _maxPrice = maxPrice;
        _adjust = adjust;
        Price = initialPrice;
    }

    public Resource Resource => _resource;

    /// <summary>The price posted for the next tick, in micro-units.</summary>
    public long Price { get; private set; }

    public MarketState Capture() => new(Price: Price);

    public void Restore(MarketState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Running is not null) throw new InvalidOperationException($"The {_resource.Name()} posted-price market runs no jobs, but its checkpoint holds some.");
        if (state.Price is not { } price) throw new InvalidOperationException($"The checkpoint of the {_resource.Name()} posted-price market has no price.");
        if (price < _minPrice || price > _maxPrice)
            throw new InvalidOperationException($"The checkpoint of the {_resource.Name()} posted-price market has price {price}, outside [{_minPrice}, {_maxPrice}].");
        Price = price;
    }

    public void Recycle(MarketClearing clearing) => _book.Recycle(clearing.Results);

    /// <summary>
    /// The tape has one shout per order, in the tick's seeded order, at the posted price, with a
    /// deal if the order filled at all.
    /// </summary>
    public MarketClearing Clear(int tick, IReadOnlyCollection<Order> orders)
    {
        var book = _book;
        book.Open(tick, orders);
        var quotes = book.Orders;
        var sequence = book.SeededOrder(_seed);
        var price = Price;

        // The orders that accept the posted price, each side in the seeded order.
        List<int> buyers = [], sellers = [];
        long demand = 0, supply = 0;
        foreach (var k in sequence)
        {
            var q = quotes[k];
            if (q.Side == Side.Buy && q.LimitPrice >= price)
            {
                buyers.Add(k);
                demand += q.Quantity;
            }
            else if (q.Side == Side.Sell && q.LimitPrice <= price)
            {
                sellers.Add(k);
                supply += q.Quantity;
            }
        }

        // Pairing both sides in the seeded order until one runs out serves the short side in full
        // and rations the long side in that order.
        int i = 0, j = 0;
        while (i < buyers.Count && j < sellers.Count)
        {
            var (buyer, seller) = (buyers[i], sellers[j]);
            var quantity = Math.Min(book.Fills[buyer].Remaining, book.Fills[seller].Remaining);
            book.Trade(buyer, seller, quantity, price);
            if (book.Fills[buyer].Remaining == 0) i++;
            if (book.Fills[seller].Remaining == 0) j++;
        }

        var tape = new TapeRecorder();
        foreach (var k in sequence) tape.Add(new Shout(quotes[k].Side, price, book.Fills[k].Filled > 0));
        var (bestBid, bestAsk) = book.BestUnfilled();
        Price = Next(price, demand, supply);
        return book.Close(bestBid, bestAsk, tape);
    }

    private long Next(long price, long demand, long supply)
    {
        var excess = (double)(demand - supply) / Math.Max(demand + supply, 1);
        var next = Math.Round(price * (1 + _adjust * excess), MidpointRounding.ToEven);
        return (long)Math.Clamp(next, _minPrice, _maxPrice);
    }
}
