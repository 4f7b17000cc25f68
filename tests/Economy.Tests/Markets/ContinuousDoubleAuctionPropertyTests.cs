using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Tests.Markets;

public sealed class ContinuousDoubleAuctionPropertyTests
{
    /// <summary>A random book: one order per device (so no device is on both sides), small prices so they cross often.</summary>
    private sealed record Book(Resource Resource, long FeePpm, ulong Seed, int Tick, Order[] Orders);

    private static readonly Gen<long> FeePpm =
        Gen.OneOf(Gen.Constant(0L), Gen.Constant(1_000_000L), Gen.Choose(0, 1_000_000).Select(x => (long)x));

    private static Gen<Book> Books() =>
        from resource in Gen.Elements(Resources.Resources.All)
        from fee in FeePpm
        from seed in Gen.Choose(0, int.MaxValue)
        from tick in Gen.Choose(0, 1000)
        from specs in Gen.ListOf(
            from side in Gen.Elements(Side.Buy, Side.Sell)
            from quantity in Gen.Choose(1, 10)
            from price in Gen.Choose(1, 20)
            select (side, quantity, price))
        from deviceOffset in Gen.Choose(0, 50)
        select new Book(resource, fee, (ulong)seed, tick, specs.Select((s, i) =>
        {
            var device = deviceOffset + i;
            return new Order(OrderIds.For(device, resource, s.side), device, resource, s.side, s.quantity, s.price * 1_000L + 1);
        }).ToArray());

    private static MarketClearing Clear(Book b, IReadOnlyCollection<Order> orders) =>
        new ContinuousDoubleAuction(b.Resource, b.FeePpm, b.Seed).Clear(b.Tick, orders);

    [Property(MaxTest = 300)]
    public Property Fills_never_exceed_quantities() =>
        Prop.ForAll(Books().ToArbitrary(), b =>
        {
            var c = Clear(b, b.Orders);
            return c.Results.Length == b.Orders.Length
                && c.Results.All(r => r.Filled >= 0 && r.Filled <= r.Quantity)
                && c.Trades.All(t => t.Quantity > 0);
        });

    [Property(MaxTest = 300)]
    public Property Buyers_pay_what_sellers_receive_and_what_the_trades_are_worth() =>
        Prop.ForAll(Books().ToArbitrary(), b =>
        {
            var c = Clear(b, b.Orders);
            var value = c.Trades.Sum(t => t.Price * t.Quantity);
            var volume = c.Trades.Sum(t => t.Quantity);
            var buys = c.Results.Where(r => r.Side == Side.Buy).ToArray();
            var sells = c.Results.Where(r => r.Side == Side.Sell).ToArray();
            return (buys.Sum(r => r.Notional) == value).Label("buy notional")
                .And(sells.Sum(r => r.Notional) == value).Label("sell notional")
                .And(buys.Sum(r => r.Filled) == volume && sells.Sum(r => r.Filled) == volume).Label("volume")
                .And(c.Results.All(r =>
                    r.Notional == c.Trades.Where(t => (r.Side == Side.Buy ? t.Buyer : t.Seller) == r.Device).Sum(t => t.Price * t.Quantity)
                    && r.Filled == c.Trades.Where(t => (r.Side == Side.Buy ? t.Buyer : t.Seller) == r.Device).Sum(t => t.Quantity)))
                .Label("per-order notional and fill");
        });

    [Property(MaxTest = 300)]
    public Property Every_trade_is_within_both_limits_at_one_of_them() =>
        Prop.ForAll(Books().ToArbitrary(), b =>
        {
            var c = Clear(b, b.Orders);
            var byDevice = b.Orders.ToDictionary(o => o.Device);
            return c.Trades.All(t =>
            {
                var buyer = byDevice[t.Buyer];
                var seller = byDevice[t.Seller];
                return buyer.Side == Side.Buy && seller.Side == Side.Sell
                    && t.Price <= buyer.LimitPrice && t.Price >= seller.LimitPrice
                    && (t.Price == buyer.LimitPrice || t.Price == seller.LimitPrice)
                    && t.Resource == b.Resource && t.Tick == b.Tick;
            });
        });

    [Property(MaxTest = 300)]
    public Property Fees_are_rounded_down_per_trade_and_charged_to_sellers_only() =>
        Prop.ForAll(Books().ToArbitrary(), b =>
        {
            var c = Clear(b, b.Orders);
            var feesOk = c.Trades.All(t => t.Fee == (long)Math.Floor((decimal)t.Price * t.Quantity * b.FeePpm / 1_000_000m));
            var buyersPayNone = c.Results.Where(r => r.Side == Side.Buy).All(r => r.Fee == 0);
            var sellersPayTheirs = c.Results.Where(r => r.Side == Side.Sell)
                .All(r => r.Fee == c.Trades.Where(t => t.Seller == r.Device).Sum(t => t.Fee) && r.Fee <= r.Notional);
            return feesOk.Label("fee per trade").And(buyersPayNone).Label("buyers pay no fee").And(sellersPayTheirs).Label("sellers pay their trades' fees");
        });

    [Property(MaxTest = 300)]
    public Property The_closing_book_does_not_cross_and_its_quotes_are_unfilled_orders() =>
        Prop.ForAll(Books().ToArbitrary(), b =>
        {
            var c = Clear(b, b.Orders);
            var openBids = c.Results.Where(r => r.Side == Side.Buy && r.Filled < r.Quantity).ToArray();
            var openAsks = c.Results.Where(r => r.Side == Side.Sell && r.Filled < r.Quantity).ToArray();
            var bestBid = openBids.Length == 0 ? 0 : openBids.Max(r => r.LimitPrice);
            var bestAsk = openAsks.Length == 0 ? 0 : openAsks.Min(r => r.LimitPrice);
            return (c.BestBid == bestBid).Label($"best bid {c.BestBid} vs {bestBid}")
                .And(c.BestAsk == bestAsk).Label($"best ask {c.BestAsk} vs {bestAsk}")
                .And(bestBid == 0 || bestAsk == 0 || bestBid < bestAsk).Label("book still crosses");
        });

    [Property(MaxTest = 200)]
    public Property The_clearing_does_not_depend_on_the_input_order() =>
        Prop.ForAll(
            Books().SelectMany(b => Gen.Shuffle(b.Orders).Select(p => (b, p))).ToArbitrary(),
            x =>
            {
                var (b, permuted) = x;
                var expected = Clear(b, b.Orders);
                var actual = Clear(b, permuted);
                return expected.Trades.SequenceEqual(actual.Trades)
                    && expected.Results.SequenceEqual(actual.Results)
                    && expected.BestBid == actual.BestBid
                    && expected.BestAsk == actual.BestAsk;
            });

    [Property(MaxTest = 100)]
    public Property A_repeated_order_id_throws() =>
        Prop.ForAll(Books().Where(b => b.Orders.Length > 0).ToArbitrary(), b =>
        {
            var duplicate = b.Orders[^1] with { Quantity = b.Orders[^1].Quantity + 1 };
            try
            {
                Clear(b, [.. b.Orders, duplicate]);
                return false;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        });
}
