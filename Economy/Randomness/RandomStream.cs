using System.Runtime.CompilerServices;

namespace M2MSim.Economy.Randomness;

/// <summary>
/// A counter-based random stream keyed by (seed, purpose, subject, tick): the n-th draw is a pure
/// function of the key and n (SplitMix64 finaliser over a mixed key). Nothing depends on call
/// order across devices, threads, shards or silos, which is what makes runs reproducible.
/// </summary>
public struct RandomStream
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private readonly ulong _key;
    private ulong _counter;

    public RandomStream(ulong seed, RandomPurpose purpose, long subject, long tick)
    {
        var k = Mix(seed + Golden);
        k = Mix(k ^ ((ulong)purpose * Golden));
        k = Mix(k ^ (ulong)subject);
        k = Mix(k ^ ((ulong)tick * 0xD1B54A32D192ED03UL));
        _key = k;
        _counter = 0;
    }

    public ulong NextUInt64() => Mix(_key + (++_counter * Golden));

    /// <summary>Uniform on [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer on [min, max], both inclusive, without modulo bias.</summary>
    public long NextLong(long minInclusive, long maxInclusive)
    {
        if (maxInclusive < minInclusive) throw new ArgumentOutOfRangeException(nameof(maxInclusive));
        var range = (ulong)(maxInclusive - minInclusive) + 1UL;
        if (range == 0) return (long)NextUInt64(); // the full 64-bit range
        var limit = ulong.MaxValue - (ulong.MaxValue % range);
        ulong x;
        do { x = NextUInt64(); } while (x >= limit);
        return minInclusive + (long)(x % range);
    }

    /// <summary>Standard normal draw (Box–Muller, one of the pair).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble(); // (0, 1]: keeps the logarithm finite
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a handful of multiplies: the JIT left it a call in a device's step
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
