using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Markets;

namespace M2MSim.Economy.Tests.Markets;

public sealed class PostedPricePropertyTests
{
    private const long Min = 1_000;
    private const long Max = 21_000;

    private static readonly Gen<(long Initial, double Adjust)> Settings =
        from initial in Gen.Choose((int)Min, (int)Max)
        from adjust in Gen.OneOf(Gen.Constant(0.0), Gen.Constant(1.0), Gen.Choose(0, 1000).Select(x => x / 1000.0))
        select ((long)initial, adjust);

    private static PostedPrice Market(RandomBook b, (long Initial, double Adjust) s) =>
        new(b.Resource, b.FeePpm, b.Seed, Min, Max, s.Initial, s.Adjust);

    [Property(MaxTest = 300)]
    public Property Money_and_units_are_conserved_and_trades_respect_limits() =>
        Prop.ForAll(RandomBooks.Books().ToArbitrary(), Settings.ToArbitrary(), (b, s) =>
        {
            var c = Market(b, s).Clear(b.Tick, b.Orders);
            return MarketChecks.Conserves(b, c).And(MarketChecks.WithinLimits(b, c)).And(MarketChecks.ClosesWithBestUnfilled(c))
                .And(c.Trades.All(t => t.Price == s.Initial)).Label("all at the posted price")
                .And(c.Tape.Length == b.Orders.Length && c.Tape.All(x => x.Price == s.Initial)).Label("tape");
        });

    [Property(MaxTest = 200)]
    public Property The_clearing_does_not_depend_on_the_input_order() =>
        Prop.ForAll(RandomBooks.Permuted().ToArbitrary(), Settings.ToArbitrary(), (x, s) =>
        {
            var (a, b) = (Market(x.Book, s), Market(x.Book, s));
            return MarketChecks.Same(a.Clear(x.Book.Tick, x.Book.Orders), b.Clear(x.Book.Tick, x.Permuted)) && a.Price == b.Price;
        });

    /// <summary>
    /// The short side at the posted price fills completely; on the long side at most one order is
    /// cut short (rationing serves orders one after another); orders that reject the price never fill.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property The_short_side_is_served_and_the_long_side_rationed() =>
        Prop.ForAll(RandomBooks.Books().ToArbitrary(), Settings.ToArbitrary(), (b, s) =>
        {
            var c = Market(b, s).Clear(b.Tick, b.Orders);
            var p = s.Initial;
            var buyers = c.Results.Where(r => r.Side == Side.Buy && r.LimitPrice >= p).ToArray();
            var sellers = c.Results.Where(r => r.Side == Side.Sell && r.LimitPrice <= p).ToArray();
            var (demand, supply) = (buyers.Sum(r => (long)r.Quantity), sellers.Sum(r => (long)r.Quantity));
            var (shortSide, longSide) = demand <= supply ? (buyers, sellers) : (sellers, buyers);
            return c.Trades.Sum(t => (long)t.Quantity) == Math.Min(demand, supply)
                && shortSide.All(r => r.Filled == r.Quantity)
                && longSide.Count(r => r.Filled > 0 && r.Filled < r.Quantity) <= 1
                && c.Results.Except(buyers).Except(sellers).All(r => r.Filled == 0);
        });

    [Property(MaxTest = 300)]
    public Property The_price_moves_toward_excess_demand_and_stays_in_range() =>
        Prop.ForAll(RandomBooks.Books().ToArbitrary(), Settings.ToArbitrary(), (b, s) =>
        {
            var market = Market(b, s);
            market.Clear(b.Tick, b.Orders);
            var p = s.Initial;
            var demand = b.Orders.Where(o => o.Side == Side.Buy && o.LimitPrice >= p).Sum(o => (long)o.Quantity);
            var supply = b.Orders.Where(o => o.Side == Side.Sell && o.LimitPrice <= p).Sum(o => (long)o.Quantity);
            var direction = Math.Sign(market.Price - p);
            var ok = demand > supply ? direction >= 0 : demand < supply ? direction <= 0 : direction == 0;
            return (ok && market.Price is >= Min and <= Max && (s.Adjust > 0 || direction == 0))
                .Label($"{p} → {market.Price} with demand {demand}, supply {supply}, adjust {s.Adjust}");
        });
}
