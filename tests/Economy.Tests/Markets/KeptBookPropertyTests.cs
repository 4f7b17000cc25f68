using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Scenarios;

namespace M2MSim.Economy.Tests.Markets;

/// <summary>
/// A mechanism keeps its tick book (and a CDA its queues) from tick to tick so that their arrays
/// are allocated once. Nothing of one tick may leak into the next: a market that cleared earlier
/// ticks, larger or smaller, clears a tick exactly as a new one restored from its checkpoint does.
/// </summary>
public sealed class KeptBookPropertyTests
{
    private static readonly Func<RandomBook, IMarketMechanism>[] Mechanisms =
    [
        b => new ContinuousDoubleAuction(b.Resource, b.FeePpm, b.Seed),
        b => new ContinuousDoubleAuction(b.Resource, b.FeePpm, b.Seed, nyseRule: true),
        b => new ContinuousDoubleAuction(b.Resource, b.FeePpm, b.Seed, clearAfterTrade: true),
        b => new CallMarket(b.Resource, b.FeePpm, b.Seed),
        b => new PostedPrice(b.Resource, b.FeePpm, b.Seed, 1_000, 20_001, 10_001, 0.1),
        b => new Tender(b.Resource, b.FeePpm, b.Seed, TenderAward.Second, 1),
    ];

    /// <summary>
    /// Several ticks of one market (the first book's resource, fee and seed), each with its own
    /// orders, in id order or shuffled (a kept book then sorts them).
    /// </summary>
    private static Arbitrary<(int Mechanism, RandomBook[] Ticks)> Runs() =>
        (from mechanism in Gen.Choose(0, Mechanisms.Length - 1)
         from books in RandomBooks.Books().NonEmptyListOf()
         from shuffled in Gen.Elements(false, true)
         from seeds in Gen.Choose(0, int.MaxValue).ArrayOf(6)
         select (mechanism, books.Take(6).Select((b, t) => books[0] with
         {
             Tick = t,
             Orders = Arrange(b.Orders.Select(o => o with { Id = OrderIds.For(o.Device, books[0].Resource, o.Side), Resource = books[0].Resource }).ToArray(), shuffled, seeds[t]),
         }).ToArray())).ToArbitrary();

    private static Order[] Arrange(Order[] orders, bool shuffled, int seed)
    {
        if (!shuffled) return orders;
        var copy = (Order[])orders.Clone();
        new Random(seed).Shuffle(copy);
        return copy;
    }

    [Property(MaxTest = 300)]
    public Property A_kept_market_clears_each_tick_as_a_new_one_restored_from_its_checkpoint() =>
        Prop.ForAll(Runs(), run =>
        {
            var (mechanism, ticks) = run;
            var kept = Mechanisms[mechanism](ticks[0]);
            foreach (var tick in ticks)
            {
                var fresh = Mechanisms[mechanism](ticks[0]);
                fresh.Restore(kept.Capture());
                var expected = fresh.Clear(tick.Tick, tick.Orders);
                var actual = kept.Clear(tick.Tick, tick.Orders);
                if (!Same(expected, actual)) return false.Label($"tick {tick.Tick} of {ticks.Length}: {tick}");
            }
            return true.ToProperty();
        });

    /// <summary>
    /// An engine hands each clearing back once it has delivered the results (<see cref="IMarketMechanism.Recycle"/>),
    /// and the next clearing of as many orders writes its results into the same array. Each book is
    /// cleared three ticks running, the third clearing kept by the caller instead: each tick clears
    /// as a new market does, and a clearing not handed back is never written again.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property A_market_that_gets_its_results_back_clears_each_tick_as_a_new_one() =>
        Prop.ForAll(Runs(), run =>
        {
            var (mechanism, ticks) = run;
            var kept = Mechanisms[mechanism](ticks[0]);
            var held = new List<(MarketClearing Clearing, OrderResult[] Copy)>();
            foreach (var (tick, t) in ticks.SelectMany(b => new[] { b, b, b }).Select((b, t) => (b, t)))
            {
                var fresh = Mechanisms[mechanism](ticks[0]);
                fresh.Restore(kept.Capture());
                var expected = fresh.Clear(t, tick.Orders);
                var actual = kept.Clear(t, tick.Orders);
                if (!Same(expected, actual)) return false.Label($"tick {t}: {tick}");
                if (t % 3 == 2) held.Add((actual, [.. actual.Results])); // kept by the caller, not handed back
                else kept.Recycle(actual);
            }
            return held.All(h => h.Clearing.Results.SequenceEqual(h.Copy)).Label("a clearing not handed back was written again");
        });

    private static bool Same(MarketClearing a, MarketClearing b) =>
        a.Trades.SequenceEqual(b.Trades) && a.Results.SequenceEqual(b.Results) && a.Tape.SequenceEqual(b.Tape)
        && a.BestBid == b.BestBid && a.BestAsk == b.BestAsk;
}
