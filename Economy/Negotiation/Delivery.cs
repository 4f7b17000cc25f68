using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Negotiation;

/// <summary>
/// A unit a buyer paid for and waits to receive (scenarios with dishonest devices or reputation).
/// Its value is realised on delivery; an overdue one is judged once: the seller did not deliver.
/// </summary>
/// <param name="Opened">The tick the negotiation was opened: with seller and resource, it names the deal.</param>
/// <param name="PaidAt">The tick the buyer paid: an honest seller's delivery is read by PaidAt + 2.</param>
public sealed class Delivery(int seller, Resource resource, int opened, long value, int paidAt)
{
    public int Seller { get; } = seller;

    public Resource Resource { get; } = resource;

    public int Opened { get; } = opened;

    public long Value { get; } = value;

    public int PaidAt { get; } = paidAt;

    /// <summary>Found overdue (the seller counted as not delivering): judged once, delivered or not later.</summary>
    public bool Judged { get; set; }

    public DeliveryState Capture() => new(Seller, Resource, Opened, Value, PaidAt, Judged);

    public static Delivery Restore(DeliveryState s) => new(s.Seller, s.Resource, s.Opened, s.Value, s.PaidAt) { Judged = s.Judged };
}
