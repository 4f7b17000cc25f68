using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Tests.Markets;

/// <summary>A random tick of one market: one order per device, so no device is on both sides.</summary>
public sealed record RandomBook(Resource Resource, long FeePpm, ulong Seed, int Tick, Order[] Orders)
{
    public override string ToString() =>
        $"{Resource} fee {FeePpm} seed {Seed} tick {Tick}: " + string.Join(", ", Orders.Select(o => $"{o.Side} {o.Quantity}@{o.LimitPrice}"));
}
