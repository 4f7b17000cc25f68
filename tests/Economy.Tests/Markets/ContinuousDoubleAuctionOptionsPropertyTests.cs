using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Markets;

namespace M2MSim.Economy.Tests.Markets;

/// <summary>The CDA's laws hold with every combination of its options.</summary>
public sealed class ContinuousDoubleAuctionOptionsPropertyTests
{
    private static readonly Gen<(bool Nyse, bool ClearAfterTrade)> Options =
        from nyse in Gen.Elements(false, true)
        from clear in Gen.Elements(false, true)
        select (nyse, clear);

    private static MarketClearing Clear(RandomBook b, (bool Nyse, bool Clear) options, IReadOnlyCollection<Order> orders) =>
        new ContinuousDoubleAuction(b.Resource, b.FeePpm, b.Seed, options.Nyse, options.Clear).Clear(b.Tick, orders);

    [Property(MaxTest = 300)]
    public Property Money_and_units_are_conserved_and_trades_respect_limits() =>
        Prop.ForAll(RandomBooks.Books().ToArbitrary(), Options.ToArbitrary(), (b, o) =>
        {
            var c = Clear(b, o, b.Orders);
            return MarketChecks.Conserves(b, c).And(MarketChecks.WithinLimits(b, c))
                .And(c.Tape.Length == b.Orders.Length).Label("one shout per order");
        });

    [Property(MaxTest = 200)]
    public Property The_clearing_does_not_depend_on_the_input_order() =>
        Prop.ForAll(RandomBooks.Permuted().ToArbitrary(), Options.ToArbitrary(), (x, o) =>
            MarketChecks.Same(Clear(x.Book, o, x.Book.Orders), Clear(x.Book, o, x.Permuted)));

    /// <summary>
    /// With one-unit orders the book is easy to model from the tape alone: a deal takes the best
    /// opposite quote at its price; a quote without a deal must not cross, and stands only if the
    /// NYSE rule lets it; clear-after-trade empties the model after each deal. The mechanism's
    /// deals, prices and closing quotes must match the model's.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property The_tape_replays_against_a_model_of_the_rules() =>
        Prop.ForAll(RandomBooks.Books(maxQuantity: 1).ToArbitrary(), Options.ToArbitrary(), (b, o) =>
        {
            var c = Clear(b, o, b.Orders);
            var bids = new List<long>();
            var asks = new List<long>();
            foreach (var s in c.Tape)
            {
                var (own, opposite) = s.Side == Side.Buy ? (bids, asks) : (asks, bids);
                var bestOpposite = opposite.Count == 0 ? (long?)null : s.Side == Side.Buy ? opposite.Min() : opposite.Max();
                if (s.Deal)
                {
                    if (bestOpposite != s.Price) return false.Label($"deal at {s.Price}, best opposite {bestOpposite}");
                    opposite.Remove(s.Price);
                    if (o.ClearAfterTrade)
                    {
                        bids.Clear();
                        asks.Clear();
                    }
                    continue;
                }
                var crosses = bestOpposite is { } q && (s.Side == Side.Buy ? s.Price >= q : s.Price <= q);
                if (crosses) return false.Label($"{s} crossed {bestOpposite} without a deal");
                var improves = own.Count == 0 || (s.Side == Side.Buy ? s.Price > own.Max() : s.Price < own.Min());
                if (!o.Nyse || improves) own.Add(s.Price);
            }
            var expected = (bids.Count == 0 ? 0 : bids.Max(), asks.Count == 0 ? 0 : asks.Min());
            return ((c.BestBid, c.BestAsk) == expected).Label($"closing {(c.BestBid, c.BestAsk)} vs model {expected}")
                .And(c.Trades.Length == c.Tape.Count(s => s.Deal)).Label("one trade per deal");
        });

    [Property(MaxTest = 300)]
    public Property Clear_after_trade_leaves_only_quotes_that_arrived_after_the_last_trade() =>
        Prop.ForAll(RandomBooks.Books().ToArbitrary(), Options.ToArbitrary(), (b, o) =>
        {
            var c = Clear(b, (o.Nyse, true), b.Orders);
            var last = Array.FindLastIndex(c.Tape, s => s.Deal);
            var after = c.Tape.Skip(last + 1).ToArray();
            var bids = after.Where(s => s.Side == Side.Buy).Select(s => s.Price).DefaultIfEmpty(0).Max();
            var asks = after.Where(s => s.Side == Side.Sell).Select(s => s.Price).DefaultIfEmpty(0).Min();
            var asksNonZero = after.Any(s => s.Side == Side.Sell) ? asks : 0;
            // An order trades at most once, against one quote, so no order fills from two trades.
            var once = b.Orders.All(x => c.Trades.Count(t => t.Buyer == x.Device || t.Seller == x.Device) <= 1);
            return ((c.BestBid, c.BestAsk) == (bids, asksNonZero)).Label($"closing {(c.BestBid, c.BestAsk)} vs {(bids, asksNonZero)}")
                .And(once).Label("each order trades at most once");
        });
}
