using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Markets;

/// <summary>One fill between a buyer and a seller, at the standing quote's price.</summary>
/// <param name="Sequence">Position of the trade within its market and tick.</param>
public readonly record struct Trade(int Tick, Resource Resource, int Sequence, int Buyer, int Seller, int Quantity, long Price, long Fee);
