using System.Runtime.InteropServices;
using M2MSim.Economy.Money;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Markets;

/// <summary>
/// The bookkeeping every mechanism shares for one tick: the orders checked and sorted by id (so
/// nothing depends on arrival order), what each has left and has filled, the trades and fees. A
/// mechanism decides who trades with whom at what price; recording it here keeps the money rules
/// (fee rounded down, charged to the seller, reservations copied into the trade) in one place.
/// A mechanism keeps one book and opens it every tick, so its arrays are allocated once.
/// </summary>
internal sealed class TickBook(Resource resource, long feePpm)
{
    private readonly Resource _resource = resource;
    private readonly long _feePpm = feePpm;
    private readonly List<Trade> _trades = [];
    private int _tick;
    private int _count;

    // Reused from tick to tick (a mechanism keeps its book): at a million orders each of these is a
    // large-object allocation, and a fresh set every tick brings on full collections of the heap.
    private Order[] _orders = [];
    private OrderFill[] _fills = [];
    private int[] _sequence = [];
    private Order[] _arrivals = [];
    private OrderResult[]? _lastResults; // the results of the last Close, which only they may recycle
    private OrderResult[]? _spare; // results handed back: the next Close of as many orders writes into them

    /// <summary>Starts a tick: the orders checked and sorted by id; what the last tick held is gone.</summary>
    public void Open(int tick, IReadOnlyCollection<Order> orders)
    {
        _tick = tick;
        _count = orders.Count;
        _trades.Clear();
        if (_orders.Length < _count)
        {
            var capacity = Math.Max(_count, _orders.Length * 2);
            _orders = new Order[capacity];
            _fills = new OrderFill[capacity];
            _sequence = new int[capacity];
            _arrivals = new Order[capacity];
        }
        var sorted = Orders;
        bool ascending;
        if (orders is List<Order> or Order[])
        {
            // The engines pass lists: copied, checked and tested for order in one pass, not through
            // an enumerator's interface calls and a pass for each.
            var source = orders is List<Order> list ? CollectionsMarshal.AsSpan(list) : (Order[])orders;
            if (source.Length != _count) throw Miscounted(); // a list type that counts otherwise
            ascending = true;
            for (var i = 0; i < source.Length; i++)
            {
                ref readonly var o = ref source[i];
                Validate(o);
                if (i > 0 && o.Id <= source[i - 1].Id) ascending = false;
                sorted[i] = o;
            }
        }
        else
        {
            // A collection whose Count disagrees with what it yields would mix in the last tick's orders or drop some.
            var i0 = 0;
            foreach (var o in orders)
            {
                if (i0 == _count) throw Miscounted();
                Validate(o);
                _orders[i0++] = o;
            }
            if (i0 != _count) throw Miscounted();
            ascending = StrictlyAscending(sorted);
        }
        // Orders usually arrive in id order already (the reference engine steps devices in id
        // order), and a sort does n log n work even then: sort only when a pair is out of order.
        if (!ascending)
        {
            sorted.Sort(default(ById));
            for (var i = 1; i < sorted.Length; i++)
            {
                if (sorted[i].Id == sorted[i - 1].Id)
                    throw new InvalidOperationException($"Order id {sorted[i].Id} was submitted twice to the {_resource.Name()} market in tick {tick}.");
            }
        }
        var fills = Fills;
        for (var i = 0; i < fills.Length; i++) fills[i] = new OrderFill { Remaining = sorted[i].Quantity };
    }

    /// <summary>The tick's orders in id order; every other span here is indexed like it. Valid until the next <see cref="Open"/>.</summary>
    public Span<Order> Orders => _orders.AsSpan(0, _count);

    public Span<OrderFill> Fills => _fills.AsSpan(0, _count);

    public int TradeCount => _trades.Count;

    public static void CheckFee(long feePpm)
    {
        if (feePpm is < 0 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(feePpm), feePpm, "A fee is between 0 and 1.");
    }

    /// <summary>
    /// The id-sorted indices shuffled (Fisher–Yates) by the stream keyed by (seed, market order,
    /// resource, tick): the CDA's processing order, and the other mechanisms' tie-break.
    /// </summary>
    public ReadOnlySpan<int> SeededOrder(ulong seed)
    {
        var sequence = _sequence.AsSpan(0, _count);
        for (var i = 0; i < sequence.Length; i++) sequence[i] = i;
        var rng = new RandomStream(seed, RandomPurpose.MarketOrder, (long)_resource, _tick);
        for (var i = sequence.Length - 1; i > 0; i--)
        {
            var j = (int)rng.NextLong(0, i);
            (sequence[i], sequence[j]) = (sequence[j], sequence[i]);
        }
        return sequence;
    }

    /// <summary>
    /// The orders in <paramref name="sequence"/>'s order (valid until the next <see cref="Open"/>).
    /// Gathered in one tight pass, whose reads the processor overlaps: read one by one between the
    /// matching of a million orders, each was a cache miss of its own.
    /// </summary>
    public ReadOnlySpan<Order> InSequence(ReadOnlySpan<int> sequence)
    {
        var arrivals = _arrivals.AsSpan(0, sequence.Length);
        var orders = _orders;
        for (var k = 0; k < arrivals.Length; k++) arrivals[k] = orders[sequence[k]];
        return arrivals;
    }

    /// <summary>The position of each order in a <see cref="SeededOrder"/> sequence: a tie-break rank.</summary>
    public static int[] RankOf(ReadOnlySpan<int> sequence)
    {
        var rank = new int[sequence.Length];
        for (var i = 0; i < sequence.Length; i++) rank[sequence[i]] = i;
        return rank;
    }

    /// <summary>One side's orders, best price first (bids highest, asks lowest), ties by the seeded rank.</summary>
    public int[] Ranked(int[] rank, Side side)
    {
        var quotes = _orders;
        var indices = Enumerable.Range(0, _count).Where(k => quotes[k].Side == side).ToArray();
        Array.Sort(indices, (a, b) =>
        {
            var byPrice = quotes[a].LimitPrice.CompareTo(quotes[b].LimitPrice);
            if (side == Side.Buy) byPrice = -byPrice;
            return byPrice != 0 ? byPrice : rank[a].CompareTo(rank[b]);
        });
        return indices;
    }

    /// <summary>Records a fill of <paramref name="quantity"/> units between two orders at <paramref name="price"/>.</summary>
    public void Trade(int buyer, int seller, int quantity, long price) => Trade(buyer, _orders[buyer], seller, _orders[seller], quantity, price);

    /// <summary>
    /// <see cref="Trade(int, int, int, long)"/> for a mechanism that holds both orders already (a
    /// read of each from the book would be a cache miss at a million orders).
    /// </summary>
    public void Trade(int buyer, in Order buy, int seller, in Order sell, int quantity, long price)
    {
        if (buy.Device == sell.Device)
            throw new InvalidOperationException($"Device {buy.Device} would trade {_resource.Name()} with itself in tick {_tick}.");
        var value = checked(price * quantity);
        var fee = Micros.MulPpm(value, _feePpm);
        _trades.Add(new Trade(_tick, _resource, _trades.Count, buy.Device, sell.Device, quantity, price, fee, buy.Reservation, sell.Reservation));
        ref var bought = ref _fills[buyer];
        bought.Remaining -= quantity;
        bought.Filled += quantity;
        bought.Notional += value;
        ref var sold = ref _fills[seller];
        sold.Remaining -= quantity;
        sold.Filled += quantity;
        sold.Notional += value;
        sold.Fee += fee;
    }

    /// <summary>The highest bid and lowest ask with units left, 0 where there is none.</summary>
    public (long Bid, long Ask) BestUnfilled()
    {
        long bid = 0, ask = 0;
        for (var i = 0; i < _count; i++)
        {
            if (_fills[i].Remaining == 0) continue;
            var price = _orders[i].LimitPrice;
            if (_orders[i].Side == Side.Buy) bid = Math.Max(bid, price);
            else if (ask == 0 || price < ask) ask = price;
        }
        return (bid, ask);
    }

    public MarketClearing Close(long bestBid, long bestAsk, TapeRecorder tape)
    {
        var results = _spare?.Length == _count ? _spare : new OrderResult[_count];
        _spare = null;
        _lastResults = results;
        for (var i = 0; i < results.Length; i++)
        {
            ref readonly var o = ref _orders[i];
            ref readonly var f = ref _fills[i];
            results[i] = new OrderResult(o.Id, o.Device, o.Resource, o.Side, o.Quantity, o.LimitPrice, f.Filled, f.Notional, f.Fee);
        }
        return new MarketClearing(_resource, _trades.ToArray(), results, bestBid, bestAsk, tape.ToArray());
    }

    /// <summary>
    /// Takes back the results of this book's last <see cref="Close"/> once nobody reads them: the
    /// next one writes into them. Any other array (an older clearing's, another book's) is ignored.
    /// </summary>
    public void Recycle(OrderResult[] results)
    {
        if (ReferenceEquals(results, _lastResults)) (_spare, _lastResults) = (results, null);
    }

    private ArgumentException Miscounted() => new($"The {_resource.Name()} market was given orders whose Count ({_count}) disagrees with the orders enumerated.", "orders");

    private static bool StrictlyAscending(ReadOnlySpan<Order> orders)
    {
        for (var i = 1; i < orders.Length; i++)
        {
            if (orders[i].Id <= orders[i - 1].Id) return false;
        }
        return true;
    }

    /// <summary>Orders by id: a struct comparer, so the sort of a million orders calls no delegate.</summary>
    private readonly struct ById : IComparer<Order>
    {
        public int Compare(Order a, Order b) => a.Id.CompareTo(b.Id);
    }

    private void Validate(in Order o)
    {
        if (o.Resource != _resource) throw new ArgumentException($"Order {o.Id} is for {o.Resource.Name()}, not {_resource.Name()}.");
        if (o.Quantity <= 0) throw new ArgumentException($"Order {o.Id} has quantity {o.Quantity}.");
        if (o.LimitPrice <= 0) throw new ArgumentException($"Order {o.Id} has price {o.LimitPrice}.");
    }
}
