using M2MSim.Economy.Randomness;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Tests.Markets;

/// <summary>
/// The documented processing order of a tick (the id-sorted book shuffled by Fisher–Yates on the
/// market-order stream), so examples can pick a tick in which the orders arrive as they need.
/// </summary>
public static class SeededOrders
{
    public static int[] Of(ulong seed, Resource resource, int tick, int count)
    {
        var sequence = Enumerable.Range(0, count).ToArray();
        var rng = new RandomStream(seed, RandomPurpose.MarketOrder, (long)resource, tick);
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)rng.NextLong(0, i);
            (sequence[i], sequence[j]) = (sequence[j], sequence[i]);
        }
        return sequence;
    }

    /// <summary>The first tick whose processing order is <paramref name="wanted"/> (indices into the id-sorted orders).</summary>
    public static int TickWith(ulong seed, Resource resource, params int[] wanted)
    {
        for (var tick = 0; tick < 100_000; tick++)
        {
            if (Of(seed, resource, tick, wanted.Length).SequenceEqual(wanted)) return tick;
        }
        throw new InvalidOperationException("No tick has that processing order.");
    }
}
