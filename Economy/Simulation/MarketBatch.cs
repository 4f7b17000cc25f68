using M2MSim.Economy.Markets;

namespace M2MSim.Economy.Simulation;

/// <summary>What a set of devices sends one market in a tick: orders to clear, and negotiated deals to log.</summary>
public sealed class MarketBatch
{
    public List<Order> Orders { get; } = [];

    public List<Trade> Deals { get; } = [];

    public bool IsEmpty => Orders.Count == 0 && Deals.Count == 0;

    public void Clear()
    {
        Orders.Clear();
        Deals.Clear();
    }
}
