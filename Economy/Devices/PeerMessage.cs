using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Devices;

/// <summary>
/// A message from one device to another, routed by the tick engine and delivered at the receiver's
/// next step (tick + 1), sorted by sender, so arrival order never matters. Gifts and payments carry
/// money: the sender pays when it steps, the money is in flight until the receiver's step credits
/// it, and the barrier counts it as such.
/// </summary>
/// <param name="Amount">Money paid (<see cref="MessageKind.Gift"/>, <see cref="MessageKind.Pay"/>) or a price proposed or agreed, in micro-units.</param>
/// <param name="Resource">The resource negotiated (negotiation messages only).</param>
/// <param name="Opened">The tick the buyer opened the negotiation: it names the negotiation, so a stale message is recognised.</param>
/// <param name="Round">The negotiation round this message is (0: the buyer's opening offer).</param>
/// <param name="Reservation">
/// The sender's own value or cost of the unit, for the trade log only, as on an order: tactics never
/// see it, and the deal record copies it so surplus can be measured from trades.csv.
/// </param>
public readonly record struct PeerMessage(
    int From,
    int To,
    MessageKind Kind,
    long Amount,
    Resource Resource = default,
    int Opened = 0,
    int Round = 0,
    long Reservation = 0)
{
    /// <summary>Whether the message moves money (and so counts as in flight until delivered).</summary>
    public bool CarriesMoney => Kind is MessageKind.Gift or MessageKind.Pay;

    public static PeerMessage Gift(int from, int to, long amount) => new(from, to, MessageKind.Gift, amount);
}
