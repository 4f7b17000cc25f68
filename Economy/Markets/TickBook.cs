using M2MSim.Economy.Money;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Markets;

/// <summary>
/// The bookkeeping every mechanism shares for one tick: the orders checked and sorted by id (so
/// nothing depends on arrival order), what each has left and has filled, the trades and fees. A
/// mechanism decides who trades with whom at what price; recording it here keeps the money rules
/// (fee rounded down, charged to the seller, reservations copied into the trade) in one place.
/// </summary>
internal sealed class TickBook
{
    private readonly Resource _resource;
    private readonly long _feePpm;
    private readonly int _tick;
    private readonly List<Trade> _trades = [];

    public TickBook(Resource resource, long feePpm, int tick, IReadOnlyCollection<Order> orders)
    {
        _resource = resource;
        _feePpm = feePpm;
        _tick = tick;
        Orders = new Order[orders.Count];
        var i0 = 0;
        foreach (var o in orders)
        {
            Validate(o);
            Orders[i0++] = o;
        }
        Array.Sort(Orders, static (a, b) => a.Id.CompareTo(b.Id));
        for (var i = 1; i < Orders.Length; i++)
        {
            if (Orders[i].Id == Orders[i - 1].Id)
                throw new InvalidOperationException($"Order id {Orders[i].Id} was submitted twice to the {resource.Name()} market in tick {tick}.");
        }
        Remaining = new int[Orders.Length];
        Filled = new int[Orders.Length];
        Notional = new long[Orders.Length];
        Fees = new long[Orders.Length];
        for (var i = 0; i < Orders.Length; i++) Remaining[i] = Orders[i].Quantity;
    }

    /// <summary>The tick's orders in id order; every other array here is indexed like it.</summary>
    public Order[] Orders { get; }

    public int[] Remaining { get; }

    public int[] Filled { get; }

    public long[] Notional { get; }

    public long[] Fees { get; }

    public int TradeCount => _trades.Count;

    public static void CheckFee(long feePpm)
    {
        if (feePpm is < 0 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(feePpm), feePpm, "A fee is between 0 and 1.");
    }

    /// <summary>
    /// The id-sorted indices shuffled (Fisher–Yates) by the stream keyed by (seed, market order,
    /// resource, tick): the CDA's processing order, and the other mechanisms' tie-break.
    /// </summary>
    public int[] SeededOrder(ulong seed)
    {
        var sequence = new int[Orders.Length];
        for (var i = 0; i < sequence.Length; i++) sequence[i] = i;
        var rng = new RandomStream(seed, RandomPurpose.MarketOrder, (long)_resource, _tick);
        for (var i = sequence.Length - 1; i > 0; i--)
        {
            var j = (int)rng.NextLong(0, i);
            (sequence[i], sequence[j]) = (sequence[j], sequence[i]);
        }
        return sequence;
    }

    /// <summary>The position of each order in a <see cref="SeededOrder"/> sequence: a tie-break rank.</summary>
    public static int[] RankOf(int[] sequence)
    {
        var rank = new int[sequence.Length];
        for (var i = 0; i < sequence.Length; i++) rank[sequence[i]] = i;
        return rank;
    }

    /// <summary>One side's orders, best price first (bids highest, asks lowest), ties by the seeded rank.</summary>
    public int[] Ranked(int[] rank, Side side)
    {
        var quotes = Orders;
        var indices = Enumerable.Range(0, quotes.Length).Where(k => quotes[k].Side == side).ToArray();
        Array.Sort(indices, (a, b) =>
        {
            var byPrice = quotes[a].LimitPrice.CompareTo(quotes[b].LimitPrice);
            if (side == Side.Buy) byPrice = -byPrice;
            return byPrice != 0 ? byPrice : rank[a].CompareTo(rank[b]);
        });
        return indices;
    }

    /// <summary>Records a fill of <paramref name="quantity"/> units between two orders at <paramref name="price"/>.</summary>
    public void Trade(int buyer, int seller, int quantity, long price)
    {
        if (Orders[buyer].Device == Orders[seller].Device)
            throw new InvalidOperationException($"Device {Orders[buyer].Device} would trade {_resource.Name()} with itself in tick {_tick}.");
        var value = checked(price * quantity);
        var fee = Micros.MulPpm(value, _feePpm);
        _trades.Add(new Trade(_tick, _resource, _trades.Count, Orders[buyer].Device, Orders[seller].Device, quantity, price, fee,
            Orders[buyer].Reservation, Orders[seller].Reservation));
        foreach (var k in (ReadOnlySpan<int>)[buyer, seller])
        {
            Remaining[k] -= quantity;
            Filled[k] += quantity;
            Notional[k] += value;
        }
        Fees[seller] += fee;
    }

    /// <summary>The highest bid and lowest ask with units left, 0 where there is none.</summary>
    public (long Bid, long Ask) BestUnfilled()
    {
        long bid = 0, ask = 0;
        for (var i = 0; i < Orders.Length; i++)
        {
            if (Remaining[i] == 0) continue;
            var price = Orders[i].LimitPrice;
            if (Orders[i].Side == Side.Buy) bid = Math.Max(bid, price);
            else if (ask == 0 || price < ask) ask = price;
        }
        return (bid, ask);
    }

    public MarketClearing Close(long bestBid, long bestAsk, TapeRecorder tape)
    {
        var results = new OrderResult[Orders.Length];
        for (var i = 0; i < Orders.Length; i++)
        {
            var o = Orders[i];
            results[i] = new OrderResult(o.Id, o.Device, o.Resource, o.Side, o.Quantity, o.LimitPrice, Filled[i], Notional[i], Fees[i]);
        }
        return new MarketClearing(_resource, _trades.ToArray(), results, bestBid, bestAsk, tape.ToArray());
    }

    private void Validate(Order o)
    {
        if (o.Resource != _resource) throw new ArgumentException($"Order {o.Id} is for {o.Resource.Name()}, not {_resource.Name()}.");
        if (o.Quantity <= 0) throw new ArgumentException($"Order {o.Id} has quantity {o.Quantity}.");
        if (o.LimitPrice <= 0) throw new ArgumentException($"Order {o.Id} has price {o.LimitPrice}.");
    }
}
