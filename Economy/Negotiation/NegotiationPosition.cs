using M2MSim.Economy.Markets;

namespace M2MSim.Economy.Negotiation;

/// <summary>
/// What a tactic knows when it makes its next offer. Prices are micro-units for one unit; a buyer's
/// best price is the bottom of the market's range and its reservation its value, a seller's best the
/// top of the range and its reservation its fee-inclusive cost, so every offer lies between the two.
/// </summary>
/// <param name="Side">Which side this is: whether a lower or a higher price is better for it. Given, not
/// inferred from best and reservation, which are equal for a seller whose cost is the top of the range.</param>
/// <param name="Round">The round of the offer to make (0 is the buyer's opening offer).</param>
/// <param name="Deadline">The device's last round (t_max); offers at or after it are its reservation for a time-dependent tactic.</param>
/// <param name="OwnLast">The device's previous offer in this negotiation, null before its first.</param>
/// <param name="Theirs">The opponent's offers so far, oldest first.</param>
public readonly record struct NegotiationPosition(Side Side, int Round, int Deadline, long Best, long Reservation, long? OwnLast, IReadOnlyList<long> Theirs)
{
    /// <summary>Whether an offer is at least as good for this side as <paramref name="other"/>.</summary>
    public bool AtLeastAsGood(long offer, long other) => Side == Side.Buy ? offer <= other : offer >= other;

    /// <summary>An amount kept between best and reservation, whichever way round they are.</summary>
    public long Clamp(long price) => Math.Clamp(price, Math.Min(Best, Reservation), Math.Max(Best, Reservation));
}
