namespace M2MSim.Economy.Scenarios;

/// <summary>
/// The network between devices. <paramref name="Loss"/>: the probability that a negotiation move
/// (an offer or a walk-away) is lost on its way; acceptances and payments are settlement and are
/// always delivered, as is money given.
/// </summary>
public sealed record NetworkSpec(double Loss);
