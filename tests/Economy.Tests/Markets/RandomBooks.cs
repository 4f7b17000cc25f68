using FsCheck;
using FsCheck.Fluent;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Tests.Markets;

/// <summary>Generators of market ticks shared by the mechanisms' property tests.</summary>
public static class RandomBooks
{
    private static readonly Gen<long> FeePpm =
        Gen.OneOf(Gen.Constant(0L), Gen.Constant(1_000_000L), Gen.Choose(0, 1_000_000).Select(x => (long)x));

    /// <summary>Small prices (so they cross and tie often) and quantities up to <paramref name="maxQuantity"/>.</summary>
    public static Gen<RandomBook> Books(int maxQuantity = 10) =>
        from resource in Gen.Elements(Resources.Resources.All)
        from fee in FeePpm
        from seed in Gen.Choose(0, int.MaxValue)
        from tick in Gen.Choose(0, 1000)
        from specs in Gen.ListOf(
            from side in Gen.Elements(Side.Buy, Side.Sell)
            from quantity in Gen.Choose(1, maxQuantity)
            from price in Gen.Choose(1, 20)
            from reservation in Gen.Choose(0, 30)
            select (side, quantity, price, reservation))
        from deviceOffset in Gen.Choose(0, 50)
        select new RandomBook(resource, fee, (ulong)seed, tick, specs.Select((s, i) =>
        {
            var device = deviceOffset + i;
            return new Order(OrderIds.For(device, resource, s.side), device, resource, s.side, s.quantity, s.price * 1_000L + 1, s.reservation);
        }).ToArray());

    /// <summary>A book and a permutation of its orders.</summary>
    public static Gen<(RandomBook Book, Order[] Permuted)> Permuted(int maxQuantity = 10) =>
        Books(maxQuantity).SelectMany(b => Gen.Shuffle(b.Orders).Select(p => (b, p)));
}
