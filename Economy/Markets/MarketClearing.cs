using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Markets;

/// <summary>The outcome of one market for one tick.</summary>
/// <param name="Results">One per order received, in order-id order.</param>
/// <param name="BestBid">Highest unfilled bid when the tick closed, 0 if none.</param>
/// <param name="BestAsk">Lowest unfilled ask when the tick closed, 0 if none.</param>
/// <param name="Tape">
/// The tick's shouts in processing order, at most the last <see cref="TapeRecorder.Capacity"/> of
/// them (see <see cref="TapeRecorder"/>).
/// </param>
public sealed record MarketClearing(Resource Resource, Trade[] Trades, OrderResult[] Results, long BestBid, long BestAsk, Shout[] Tape)
{
    /// <summary>
    /// Adds the deals devices negotiated in this tick after the market's own trades, in buyer order
    /// (a buyer strikes at most one deal per resource and tick), numbered on from them: the order
    /// never depends on which shard reported a deal first.
    /// </summary>
    public MarketClearing WithDeals(IEnumerable<Trade> deals)
    {
        var sorted = deals.OrderBy(d => d.Buyer).ThenBy(d => d.Seller).ToArray();
        if (sorted.Length == 0) return this;
        var trades = new Trade[Trades.Length + sorted.Length];
        Trades.CopyTo(trades, 0);
        for (var k = 0; k < sorted.Length; k++)
        {
            if (sorted[k].Resource != Resource) throw new InvalidOperationException($"A {sorted[k].Resource.Name()} deal was reported to the {Resource.Name()} market.");
            trades[Trades.Length + k] = sorted[k] with { Sequence = Trades.Length + k };
        }
        return this with { Trades = trades };
    }
}
