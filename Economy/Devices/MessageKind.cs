namespace M2MSim.Economy.Devices;

/// <summary>
/// What a message between two devices says. The order matters: a device reads its messages from one
/// sender in this order, so a walk-away from an old negotiation is read before an opening offer of a
/// new one, and money before moves.
/// </summary>
public enum MessageKind
{
    /// <summary>Money given away (the random exchange of money): Amount is paid.</summary>
    Gift = 0,

    /// <summary>The buyer pays an agreed price (accepting the seller's offer, or answering its Accept): Amount is paid.</summary>
    Pay = 1,

    /// <summary>The seller accepts the buyer's last offer: Amount is the agreed price; the buyer now pays.</summary>
    Accept = 2,

    /// <summary>The sender ends the negotiation without a deal.</summary>
    WalkAway = 3,

    /// <summary>A negotiation offer or counter-offer: Amount is the price proposed for one unit.</summary>
    Offer = 4,

    /// <summary>
    /// The seller hands over the unit it was paid for (only in scenarios with dishonest devices or
    /// reputation, where delivery can fail): Amount is the price paid.
    /// </summary>
    Deliver = 5,
}
