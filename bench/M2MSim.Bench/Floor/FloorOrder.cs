namespace M2MSim.Bench.Floor;

/// <summary>
/// The order a floor shard calls its slice in. The engine calls a shard's due devices in roster
/// order, which is the order they were first called, so activated, and so laid out in memory; the
/// other orders measure what that locality is worth (docs/performance.md, seventh session).
/// </summary>
public static class FloorOrder
{
    /// <summary>Activation order: what the engine does.</summary>
    public const string Activation = "activation";

    /// <summary>A seeded random permutation: no locality at all.</summary>
    public const string Shuffled = "shuffled";

    /// <summary>
    /// Position mod 8 first, then position: in one window, the memory walk that eight shards made
    /// together when each stepped every eighth device.
    /// </summary>
    public const string Strided = "strided";

    public static readonly string[] All = [Activation, Shuffled, Strided];

    /// <summary>Positions 0..count-1 in the order named.</summary>
    public static int[] Of(int count, string order, int seed)
    {
        var positions = Enumerable.Range(0, count).ToArray();
        switch (order)
        {
            case Activation:
                break;
            case Shuffled:
                new Random(seed).Shuffle(positions);
                break;
            case Strided:
                positions = [.. positions.OrderBy(p => p % 8).ThenBy(p => p)];
                break;
            default:
                throw new ArgumentException($"Unknown floor order '{order}' (expected {string.Join(", ", All)}).", nameof(order));
        }
        return positions;
    }
}
