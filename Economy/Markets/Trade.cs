using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Markets;

/// <summary>One fill between a buyer and a seller.</summary>
/// <param name="Sequence">Position of the trade within its market and tick.</param>
/// <param name="BuyerValue">The buyer's value of a unit (its order's reservation), for surplus measures.</param>
/// <param name="SellerCost">The seller's cost of a unit (its order's reservation), for surplus measures.</param>
/// <param name="Rounds">Negotiated deals: offers exchanged up to the one accepted (1: the opening offer was accepted); 0 for a market trade.</param>
public readonly record struct Trade(
    int Tick,
    Resource Resource,
    int Sequence,
    int Buyer,
    int Seller,
    int Quantity,
    long Price,
    long Fee,
    long BuyerValue = 0,
    long SellerCost = 0,
    int Rounds = 0);
