namespace M2MSim.Economy.Negotiation;

/// <summary>
/// How a device bargains (Faratin, Sierra &amp; Jennings 1998): the offer it makes in a round, given
/// its position. Acceptance is the same for every tactic and lives in the device (Device.Negotiation.cs):
/// an offer is accepted when it is at least as good as the counter-offer the tactic would make.
/// </summary>
public interface INegotiationTactic
{
    long Offer(in NegotiationPosition position);
}
