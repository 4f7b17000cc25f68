using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Scenarios;

namespace M2MSim.Economy.Tests.Markets;

public sealed class TenderPropertyTests
{
    private static MarketClearing Clear(RandomBook b, IReadOnlyCollection<Order> orders, TenderAward award) =>
        new Tender(b.Resource, b.FeePpm, b.Seed, award, 1).Clear(b.Tick, orders);

    private static Gen<TenderAward> Awards => Gen.Elements(TenderAward.First, TenderAward.Second);

    [Property(MaxTest = 300)]
    public Property Money_and_units_are_conserved_and_trades_respect_limits() =>
        Prop.ForAll(RandomBooks.Books().ToArbitrary(), Awards.ToArbitrary(), (b, award) =>
        {
            var c = Clear(b, b.Orders, award);
            return MarketChecks.Conserves(b, c).And(MarketChecks.WithinLimits(b, c)).And(MarketChecks.ClosesWithBestUnfilled(c))
                .And(c.Tape.Length == b.Orders.Length).Label("one shout per order");
        });

    [Property(MaxTest = 200)]
    public Property The_award_does_not_depend_on_the_input_order() =>
        Prop.ForAll(RandomBooks.Permuted().ToArbitrary(), Awards.ToArbitrary(),
            (x, award) => MarketChecks.Same(Clear(x.Book, x.Book.Orders, award), Clear(x.Book, x.Permuted, award)));

    /// <summary>
    /// A job is awarded whole or not at all; an unawarded job had no bid left that could take it; at
    /// first price a provider is paid its ask, at second price at least its ask and at most the reserve.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Jobs_are_awarded_whole_to_an_eligible_bid_at_the_rules_price() =>
        Prop.ForAll(RandomBooks.Books().ToArbitrary(), Awards.ToArbitrary(), (b, award) =>
        {
            var c = Clear(b, b.Orders, award);
            var byDevice = b.Orders.ToDictionary(o => o.Device);
            var left = c.Results.Where(r => r.Side == Side.Sell).ToDictionary(r => r.Device, r => r.Quantity - r.Filled);
            var jobs = c.Results.Where(r => r.Side == Side.Buy).ToArray();
            var whole = jobs.All(r => r.Filled == 0 || r.Filled == r.Quantity) && c.Trades.All(t => t.Quantity == byDevice[t.Buyer].Quantity);
            var noneMissed = jobs.Where(r => r.Filled == 0)
                .All(r => !b.Orders.Any(o => o.Side == Side.Sell && o.LimitPrice <= r.LimitPrice && left[o.Device] >= r.Quantity));
            var priced = c.Trades.All(t => award == TenderAward.First
                ? t.Price == byDevice[t.Seller].LimitPrice
                : t.Price >= byDevice[t.Seller].LimitPrice && t.Price <= byDevice[t.Buyer].LimitPrice);
            return whole.Label("whole jobs").And(noneMissed).Label("no eligible bid left for an unawarded job").And(priced).Label("price rule");
        });

    /// <summary>
    /// Vickrey: a one-job tender pays the winner the lowest competing ask at or under the reserve,
    /// or the reserve; it is the lowest of all eligible asks.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property A_single_job_pays_the_second_lowest_eligible_ask_or_the_reserve() =>
        Prop.ForAll(RandomBooks.Books(maxQuantity: 3).ToArbitrary(), b =>
        {
            var job = b.Orders.FirstOrDefault(o => o.Side == Side.Buy);
            if (job.Quantity == 0) return true.Label("no job");
            Order[] orders = [job, .. b.Orders.Where(o => o.Side == Side.Sell)];
            var eligible = orders.Where(o => o.Side == Side.Sell && o.LimitPrice <= job.LimitPrice && o.Quantity >= job.Quantity)
                .Select(o => o.LimitPrice).Order().ToArray();
            var c = Clear(b, orders, TenderAward.Second);
            if (eligible.Length == 0) return (c.Trades.Length == 0).Label("no award");
            var trade = c.Trades.Single();
            var expected = eligible.Length > 1 ? eligible[1] : job.LimitPrice;
            return (byId(trade.Seller).LimitPrice == eligible[0] && trade.Price == expected).Label($"price {trade.Price} vs {expected}");

            Order byId(int device) => orders.Single(o => o.Device == device);
        });

    /// <summary>
    /// Vickrey's theorem on the mechanism itself: when every provider has room for all the jobs of
    /// the tick (so each job is an auction of its own), a provider bidding against fixed rivals for
    /// fixed jobs earns at least as much bidding its cost as bidding any other price, below or
    /// above it; at first price its truthful bid earns nothing. (With rivals short of capacity it
    /// fails: losing one job to a cheap rival can use up that rival and raise the price of the
    /// next job the provider wins. See model.md.)
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Bidding_its_cost_is_a_best_response_in_a_vickrey_tender() =>
        Prop.ForAll(RandomBooks.Books(maxQuantity: 3).ToArbitrary(), Gen.Choose(1, 20).ToArbitrary(), (b, cost) =>
        {
            const int probe = 10_000; // above every device of the book
            var c = cost * 1_000L + 1;
            long Surplus(long ask, TenderAward award)
            {
                var bid = new Order(OrderIds.For(probe, b.Resource, Side.Sell), probe, b.Resource, Side.Sell, 1_000, ask);
                var tender = new Tender(b.Resource, 0, b.Seed, award, 1);
                var roomy = b.Orders.Select(o => o.Side == Side.Sell ? o with { Quantity = 1_000 } : o);
                return tender.Clear(b.Tick, [.. roomy, bid]).Trades.Where(t => t.Seller == probe).Sum(t => (t.Price - c) * t.Quantity);
            }
            var truthful = Surplus(c, TenderAward.Second);
            var deviations = Enumerable.Range(1, 25).Select(p => p * 1_000L + 1).Append(c - 1).Append(c + 1).Where(a => a > 0 && a != c)
                .Select(a => (Ask: a, Surplus: Surplus(a, TenderAward.Second))).ToArray();
            var better = deviations.Where(d => d.Surplus > truthful).ToArray();
            return (better.Length == 0).Label($"truthful {truthful}, better: {string.Join(", ", better)}")
                .And(Surplus(c, TenderAward.First) == 0).Label("first price pays a truthful bid its cost");
        });
}
