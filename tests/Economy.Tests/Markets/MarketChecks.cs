using FsCheck;
using FsCheck.Fluent;
using M2MSim.Economy.Markets;

namespace M2MSim.Economy.Tests.Markets;

/// <summary>The laws every mechanism's clearing obeys, whatever its pricing rule.</summary>
public static class MarketChecks
{
    /// <summary>Fills within quantities; buyers pay what sellers receive and what the trades are worth; fees rounded down, sellers only.</summary>
    public static Property Conserves(RandomBook b, MarketClearing c)
    {
        var value = c.Trades.Sum(t => t.Price * t.Quantity);
        var volume = c.Trades.Sum(t => t.Quantity);
        var buys = c.Results.Where(r => r.Side == Side.Buy).ToArray();
        var sells = c.Results.Where(r => r.Side == Side.Sell).ToArray();
        return (c.Results.Length == b.Orders.Length && c.Results.All(r => r.Filled >= 0 && r.Filled <= r.Quantity)
                && c.Trades.All(t => t.Quantity > 0)).Label("fills within quantities")
            .And(buys.Sum(r => r.Notional) == value && sells.Sum(r => r.Notional) == value).Label("notional")
            .And(buys.Sum(r => r.Filled) == volume && sells.Sum(r => r.Filled) == volume).Label("volume")
            .And(c.Results.All(r =>
                r.Notional == c.Trades.Where(t => (r.Side == Side.Buy ? t.Buyer : t.Seller) == r.Device).Sum(t => t.Price * t.Quantity)
                && r.Filled == c.Trades.Where(t => (r.Side == Side.Buy ? t.Buyer : t.Seller) == r.Device).Sum(t => t.Quantity)))
            .Label("per-order notional and fill")
            .And(c.Trades.All(t => t.Fee == (long)Math.Floor((decimal)t.Price * t.Quantity * b.FeePpm / 1_000_000m))).Label("fee per trade")
            .And(buys.All(r => r.Fee == 0)).Label("buyers pay no fee")
            .And(sells.All(r => r.Fee == c.Trades.Where(t => t.Seller == r.Device).Sum(t => t.Fee))).Label("sellers pay their fees");
    }

    /// <summary>Every trade is between a bid and an ask, within both limits, with both reservations copied.</summary>
    public static Property WithinLimits(RandomBook b, MarketClearing c)
    {
        var byDevice = b.Orders.ToDictionary(o => o.Device);
        return c.Trades.All(t =>
        {
            var buyer = byDevice[t.Buyer];
            var seller = byDevice[t.Seller];
            return buyer.Side == Side.Buy && seller.Side == Side.Sell
                && t.Price <= buyer.LimitPrice && t.Price >= seller.LimitPrice
                && t.BuyerValue == buyer.Reservation && t.SellerCost == seller.Reservation
                && t.Resource == b.Resource && t.Tick == b.Tick;
        }).Label("trades within limits");
    }

    /// <summary>The closing quotes are the best unfilled bid and ask.</summary>
    public static Property ClosesWithBestUnfilled(MarketClearing c)
    {
        var openBids = c.Results.Where(r => r.Side == Side.Buy && r.Filled < r.Quantity).ToArray();
        var openAsks = c.Results.Where(r => r.Side == Side.Sell && r.Filled < r.Quantity).ToArray();
        var bestBid = openBids.Length == 0 ? 0 : openBids.Max(r => r.LimitPrice);
        var bestAsk = openAsks.Length == 0 ? 0 : openAsks.Min(r => r.LimitPrice);
        return (c.BestBid == bestBid).Label($"best bid {c.BestBid} vs {bestBid}")
            .And(c.BestAsk == bestAsk).Label($"best ask {c.BestAsk} vs {bestAsk}");
    }

    public static bool Same(MarketClearing a, MarketClearing b) =>
        a.Trades.SequenceEqual(b.Trades) && a.Results.SequenceEqual(b.Results) && a.Tape.SequenceEqual(b.Tape)
        && a.BestBid == b.BestBid && a.BestAsk == b.BestAsk;
}
