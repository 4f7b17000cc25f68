namespace M2MSim.Economy.Scenarios;

public enum MarketMechanism
{
    /// <summary>Continuous double auction.</summary>
    Cda = 0,

    /// <summary>Call market: one uniform-price clearing per tick.</summary>
    Call = 1,

    /// <summary>Posted price set by the market operator and adjusted to excess demand.</summary>
    Posted = 2,

    /// <summary>Bilateral negotiation: devices bargain in alternating offers; the market only logs their deals.</summary>
    Negotiation = 3,

    /// <summary>Sealed-bid tender (contract-net): jobs are awarded to the lowest eligible provider and paid on completion.</summary>
    Tender = 4,
}
