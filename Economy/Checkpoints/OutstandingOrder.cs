namespace M2MSim.Economy.Checkpoints;

/// <summary>An order a device sent and has not settled yet, with the trading period it was sent in.</summary>
public sealed record OutstandingOrder(long OrderId, int Period);
