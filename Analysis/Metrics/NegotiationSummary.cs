using M2MSim.Analysis.Results;

namespace M2MSim.Analysis.Metrics;

/// <summary>
/// Negotiated deals of a run, from trades.csv alone (rows with rounds &gt; 0): how many, how long they
/// took, and who got the surplus. Shares are of the gains from trade Σ (buyer_value − seller_cost); the
/// fee is the part neither side keeps.
/// </summary>
/// <param name="MeanRounds">Mean offers exchanged up to the accepted one (the time to agreement, in ticks).</param>
/// <param name="BuyerShare">Σ (buyer_value − price) / Σ (buyer_value − seller_cost); NaN without deals.</param>
/// <param name="SellerShare">Σ (price − fee − seller_cost) / Σ (buyer_value − seller_cost); NaN without deals.</param>
public sealed record NegotiationSummary(long Deals, double MeanRounds, double BuyerShare, double SellerShare)
{
    public static NegotiationSummary Of(IEnumerable<TradeRecord> trades)
    {
        var deals = trades.Where(t => t.Rounds > 0).ToArray();
        if (deals.Length == 0) return new NegotiationSummary(0, double.NaN, double.NaN, double.NaN);
        var gains = deals.Sum(t => t.Quantity * (t.BuyerValue - t.SellerCost));
        var buyer = deals.Sum(t => t.Quantity * (t.BuyerValue - t.Price));
        var seller = deals.Sum(t => t.Quantity * (t.Price - t.SellerCost) - t.Fee);
        return new NegotiationSummary(deals.Length, deals.Average(t => t.Rounds),
            gains == 0 ? double.NaN : (double)(buyer / gains), gains == 0 ? double.NaN : (double)(seller / gains));
    }

    public static NegotiationSummary ForRun(string folder) => Of(RunFolderReader.ReadTrades(folder));
}
