namespace M2MSim.Bench.Floor;

/// <summary>
/// The order a floor shard calls its slice in. The engine calls a shard's due devices in roster
/// order, which is the order they were first called, so activated, and so laid out in memory; the
/// shuffled order measures what that locality is worth (docs/performance.md, "One shard on one silo").
/// </summary>
public static class FloorOrder
{
    /// <summary>Positions 0..count-1: in order, or shuffled by a generator seeded with <paramref name="seed"/>.</summary>
    public static int[] Of(int count, bool shuffled, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        if (shuffled) new Random(seed).Shuffle(order);
        return order;
    }
}
