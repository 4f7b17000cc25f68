using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Checkpoints;

/// <summary>A unit a buyer paid for and has not received yet, as plain data (<see cref="Negotiation.Delivery"/>).</summary>
public sealed record DeliveryState(int Seller, Resource Resource, int Opened, long Value, int PaidAt, bool Judged);
