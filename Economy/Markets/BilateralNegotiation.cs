using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Markets;

/// <summary>
/// The market of a resource that devices trade by bilateral negotiation: the bargaining happens
/// device to device (see <see cref="Devices.Device"/>), so the market clears no orders; it only logs
/// the deals the devices report, through <see cref="MarketClearing.WithDeals"/>, so negotiated trades
/// appear in ticks.csv and trades.csv like any other.
/// </summary>
public sealed class BilateralNegotiation(Resource resource) : IMarketMechanism
{
    public Resource Resource { get; } = resource;

    public MarketClearing Clear(int tick, IReadOnlyCollection<Order> orders)
    {
        if (orders.Count > 0) throw new InvalidOperationException($"The {Resource.Name()} market is negotiated device to device; it takes no orders.");
        return new MarketClearing(Resource, [], [], 0, 0, []);
    }
}
