using System.Runtime.InteropServices;
using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;

namespace M2MSim.Economy.Markets;

/// <summary>
/// A sealed-bid tender board (contract-net, Smith 1980) for one resource. A buy order is a job: its
/// quantity is the job's size and its limit the buyer's reserve price per unit. A sell order is a
/// provider's sealed bid: its limit is the ask per unit and its quantity the capacity it offers.
/// At the close of each tick the board awards the tick's jobs one after another, in the tick's
/// seeded order (never in arrival order): a job goes whole to the lowest ask at or under its reserve
/// whose remaining capacity covers it (equal asks by the seeded order); there are no partial awards,
/// as a job runs on one provider. It pays per unit, at first price the winner's own ask, at second
/// price (Vickrey) the lowest ask of another provider that could also have taken it, or the reserve
/// if none could. A job no bid can take is not awarded.
/// </summary>
/// <remarks>
/// Paid on completion: an awarded job runs for <c>duration</c> ticks, and the board holds the
/// results of the orders it awarded (and their trades) until the clearing of the tick in which the
/// jobs complete, <c>award tick + duration − 1</c>. Until then the buyer's money stays in escrow and
/// the provider's units stay reserved, so nothing is paid before the work is done and nothing can
/// be promised twice. A provider's bid that won one job or more is held whole, its unused capacity
/// with it, so one order still has exactly one result. Orders that won nothing come back at once,
/// as in every other mechanism. Held jobs are state of this instance, like a posted price.
/// </remarks>
public sealed class Tender : IMarketMechanism
{
    private readonly Resource _resource;
    private readonly TickBook _book; // kept from tick to tick: its arrays are reused
    private readonly ulong _seed;
    private readonly TenderAward _award;
    private readonly int _duration;

    // Awards of earlier ticks, in completion order: every job lasts the same number of ticks, so
    // the earliest award always completes first and a queue is enough.
    private readonly Queue<RunningJobs> _running = new();

    // Ids of the held orders: a device must not send an order with the id of one that is still
    // running (its results would be indistinguishable), and the board refuses it if it does.
    private readonly HashSet<long> _held = [];

    // Per job size, in this clearing: the first ranked bid that may still have room for a job of that size.
    private readonly Dictionary<int, int> _firstFitting = [];

    public Tender(Resource resource, long feePpm, ulong seed, TenderAward award, int duration)
    {
        TickBook.CheckFee(feePpm);
        if (!Enum.IsDefined(award)) throw new ArgumentOutOfRangeException(nameof(award), award, "Unknown award rule.");
        if (duration < 1) throw new ArgumentOutOfRangeException(nameof(duration), duration, "A job runs for at least one tick.");
        _resource = resource;
        _book = new TickBook(resource, feePpm);
        _seed = seed;
        _award = award;
        _duration = duration;
    }

    public Resource Resource => _resource;

    public TenderAward Award => _award;

    public int Duration => _duration;

    /// <summary>Orders awarded and not yet completed: their buyers' money is still in escrow.</summary>
    public int RunningOrders => _held.Count;

    /// <summary>The running jobs, in completion order; the held ids are those of their results, so they are not kept apart.</summary>
    public MarketState Capture() =>
        new(Running: _running.Count == 0 ? null : _running.Select(r => new RunningJobsState(r.CompletesAt, [.. r.Results], [.. r.Trades])).ToArray());

    public void Restore(MarketState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Price is not null) throw new InvalidOperationException($"The {_resource.Name()} tender posts no price, but its checkpoint holds one.");
        if (_running.Count > 0) throw new InvalidOperationException($"The {_resource.Name()} tender already runs jobs: restore a fresh one.");
        var last = int.MinValue;
        foreach (var jobs in state.Running ?? [])
        {
            // Clear takes the queue's head as the next to complete, so the order must be kept.
            if (jobs.CompletesAt < last) throw new InvalidOperationException($"The {_resource.Name()} tender's checkpoint lists running jobs out of completion order.");
            last = jobs.CompletesAt;
            foreach (var r in jobs.Results)
            {
                if (!_held.Add(r.OrderId)) throw new InvalidOperationException($"The {_resource.Name()} tender's checkpoint holds order {r.OrderId} twice.");
            }
            _running.Enqueue(new RunningJobs(jobs.CompletesAt, [.. jobs.Results], [.. jobs.Trades]));
        }
    }

    /// <summary>
    /// Awards tick <paramref name="tick"/>'s jobs and returns the results of the orders that won
    /// nothing now, with those of the jobs that complete in this tick and their trades (stamped
    /// with this tick, the tick they are paid in). The tape has one shout per order of this tick,
    /// in the seeded order: at the price of its first award with a deal, else at its limit without.
    /// </summary>
    public MarketClearing Clear(int tick, IReadOnlyCollection<Order> orders)
    {
        var book = _book;
        book.Open(tick, orders);
        var quotes = book.Orders;
        foreach (var o in quotes)
        {
            if (_held.Contains(o.Id))
                throw new InvalidOperationException($"Order id {o.Id} was sent to the {_resource.Name()} tender in tick {tick} while its job is still running.");
        }
        var sequence = book.SeededOrder(_seed);
        var rank = TickBook.RankOf(sequence);
        var bids = book.Ranked(rank, Side.Sell);

        var firstDeal = new long[quotes.Length];
        _firstFitting.Clear();
        foreach (var job in sequence)
        {
            if (quotes[job].Side != Side.Buy || Winner(book, bids, job) is not { } award) continue;
            var (winner, price) = award;
            book.Trade(job, winner, quotes[job].Quantity, price);
            if (firstDeal[job] == 0) firstDeal[job] = price;
            if (firstDeal[winner] == 0) firstDeal[winner] = price;
        }

        var tape = new TapeRecorder();
        foreach (var k in sequence)
        {
            var deal = book.Fills[k].Filled > 0;
            tape.Add(new Shout(quotes[k].Side, deal ? firstDeal[k] : quotes[k].LimitPrice, deal));
        }
        var (bestBid, bestAsk) = book.BestUnfilled();
        var awarded = book.Close(bestBid, bestAsk, tape);
        return _duration == 1 ? awarded : HoldUntilCompletion(tick, awarded);
    }

    /// <summary>
    /// The bid that takes a job and the price per unit, or null if no bid is eligible: at or under
    /// the reserve, with enough capacity left. <paramref name="bids"/> is ranked best first.
    /// </summary>
    private (int Winner, long Price)? Winner(TickBook book, int[] bids, int job)
    {
        var quotes = book.Orders;
        var reserve = quotes[job].LimitPrice;
        var size = quotes[job].Quantity;
        var winner = -1;
        // Where the look starts: past the best bids left with less than this job's size. Capacity only
        // shrinks in a clearing, so they stay too small for every later job of this size, and they could
        // neither win nor set a price (asks rise down the ranking, so stopping at the reserve is the
        // same). Looking through them for every job made a clearing grow with the square of its orders.
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(_firstFitting, size, out _);
        while (first < bids.Length && book.Fills[bids[first]].Remaining < size) first++;
        foreach (var b in bids.AsSpan(first))
        {
            var ask = quotes[b].LimitPrice;
            if (ask > reserve) break;
            if (book.Fills[b].Remaining < size) continue;
            if (winner < 0)
            {
                winner = b;
                if (_award == TenderAward.First) return (b, ask);
            }
            // Vickrey: the price is set by the best competitor, so a provider's other bids (a
            // schedule seller quoting several units) never set its own price.
            else if (quotes[b].Device != quotes[winner].Device) return (winner, ask);
        }
        return winner < 0 ? null : (winner, reserve);
    }

    /// <summary>Holds this tick's awarded orders and hands back what won nothing and what completes now.</summary>
    private MarketClearing HoldUntilCompletion(int tick, MarketClearing awarded)
    {
        var won = awarded.Results.Where(r => r.Filled > 0).ToArray();
        if (won.Length > 0)
        {
            _running.Enqueue(new RunningJobs(tick + _duration - 1, won, awarded.Trades));
            foreach (var r in won) _held.Add(r.OrderId);
        }

        var results = awarded.Results.Where(r => r.Filled == 0).ToList();
        Trade[] trades = [];
        if (_running.TryPeek(out var due) && due.CompletesAt <= tick)
        {
            if (due.CompletesAt < tick) throw new InvalidOperationException($"The {_resource.Name()} tender skipped tick {due.CompletesAt}, when jobs completed.");
            _running.Dequeue();
            foreach (var r in due.Results) _held.Remove(r.OrderId);
            results.AddRange(due.Results);
            results.Sort(static (a, b) => a.OrderId.CompareTo(b.OrderId));
            trades = due.Trades.Select(t => t with { Tick = tick }).ToArray();
        }
        return awarded with { Trades = trades, Results = results.ToArray() };
    }
}
