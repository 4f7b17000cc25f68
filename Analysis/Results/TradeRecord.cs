namespace M2MSim.Analysis.Results;

/// <summary>One row of trades.csv (see docs/output.md). Money is in money units.</summary>
public sealed record TradeRecord(
    int Tick,
    string Resource,
    int Sequence,
    int Buyer,
    int Seller,
    int Quantity,
    decimal Price,
    decimal Fee,
    decimal BuyerValue,
    decimal SellerCost,
    int Rounds = 0)
{
    /// <summary>Realised surplus of the fill: quantity × (value − cost); the fee only moves money to the sink.</summary>
    public decimal Surplus => Quantity * (BuyerValue - SellerCost);
}
