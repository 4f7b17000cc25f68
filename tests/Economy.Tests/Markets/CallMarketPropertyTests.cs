using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Markets;

namespace M2MSim.Economy.Tests.Markets;

public sealed class CallMarketPropertyTests
{
    private static MarketClearing Clear(RandomBook b, IReadOnlyCollection<Order> orders) =>
        new CallMarket(b.Resource, b.FeePpm, b.Seed).Clear(b.Tick, orders);

    [Property(MaxTest = 300)]
    public Property Money_and_units_are_conserved_and_trades_respect_limits() =>
        Prop.ForAll(RandomBooks.Books().ToArbitrary(), b =>
        {
            var c = Clear(b, b.Orders);
            return MarketChecks.Conserves(b, c).And(MarketChecks.WithinLimits(b, c)).And(MarketChecks.ClosesWithBestUnfilled(c))
                .And(c.Trades.Select(t => t.Price).Distinct().Count() <= 1).Label("one uniform price")
                .And(c.Tape.Length == b.Orders.Length).Label("one shout per order");
        });

    [Property(MaxTest = 200)]
    public Property The_clearing_does_not_depend_on_the_input_order() =>
        Prop.ForAll(RandomBooks.Permuted().ToArbitrary(), x => MarketChecks.Same(Clear(x.Book, x.Book.Orders), Clear(x.Book, x.Permuted)));

    /// <summary>
    /// Counted against the schedules directly: at price p demand is the units bid at ≥ p and supply
    /// the units asked at ≤ p. The competitive quantity is the largest min(demand, supply) over all
    /// prices; the call market trades exactly that, at a price where it is reached, and leaves no
    /// crossing pair of unfilled orders.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property It_trades_the_competitive_quantity_at_a_competitive_price() =>
        Prop.ForAll(RandomBooks.Books().ToArbitrary(), b =>
        {
            var c = Clear(b, b.Orders);
            long Demand(long p) => b.Orders.Where(o => o.Side == Side.Buy && o.LimitPrice >= p).Sum(o => (long)o.Quantity);
            long Supply(long p) => b.Orders.Where(o => o.Side == Side.Sell && o.LimitPrice <= p).Sum(o => (long)o.Quantity);
            var competitive = b.Orders.Select(o => Math.Min(Demand(o.LimitPrice), Supply(o.LimitPrice))).DefaultIfEmpty(0).Max();
            var volume = c.Trades.Sum(t => (long)t.Quantity);
            var priceOk = c.Trades.Length == 0 || Math.Min(Demand(c.Trades[0].Price), Supply(c.Trades[0].Price)) == competitive;
            return (volume == competitive).Label($"volume {volume} vs competitive {competitive}")
                .And(priceOk).Label("price clears the competitive quantity")
                .And(c.BestBid == 0 || c.BestAsk == 0 || c.BestBid < c.BestAsk).Label("unfilled orders do not cross");
        });
}
