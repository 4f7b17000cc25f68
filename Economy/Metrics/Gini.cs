using System.Buffers;
using System.Runtime.CompilerServices;

namespace M2MSim.Economy.Metrics;

/// <summary>
/// Gini coefficient of non-negative amounts: G = 1 + 1/n − 2 Σ x₍ᵢ₎ (n − i) / (n Σ x), x sorted
/// ascending, i from 0. The sums are exact integers, so the result depends only on the values.
/// </summary>
public static class Gini
{
    // From this many values a radix sort beats Array.Sort: both engines sort every device's wealth
    // every tick, and at a million devices the comparison sort was a quarter of a money-model tick.
    private const int RadixFrom = 4096;

    /// <summary>Computes the coefficient; sorts <paramref name="values"/> in place.</summary>
    public static double OfSorting(long[] values)
    {
        if (values.Length < RadixFrom) Array.Sort(values);
        else RadixSort(values);
        return OfSorted(values);
    }

    /// <summary>
    /// Least-significant-byte-first radix sort of non-negative amounts, skipping the bytes in which
    /// all of them agree (one pass when every amount is under 256, as in the money model).
    /// </summary>
    private static void RadixSort(long[] values)
    {
        long any = 0, all = -1;
        foreach (var v in values)
        {
            if (v < 0) throw new ArgumentException("Gini is defined for non-negative amounts.");
            any |= v;
            all &= v;
        }
        var varying = any ^ all; // the bits that differ between some two amounts
        var scratch = ArrayPool<long>.Shared.Rent(values.Length);
        try
        {
            Span<long> from = values, to = scratch.AsSpan(0, values.Length);
            Span<int> start = stackalloc int[256];
            for (var shift = 0; shift < 64; shift += 8)
            {
                if (((varying >> shift) & 0xFF) == 0) continue;
                start.Clear();
                foreach (var v in from) start[(int)((v >> shift) & 0xFF)]++;
                for (int b = 0, sum = 0; b < 256; b++)
                {
                    var count = start[b];
                    start[b] = sum;
                    sum += count;
                }
                foreach (var v in from) to[start[(int)((v >> shift) & 0xFF)]++] = v;
                var swap = from;
                from = to;
                to = swap;
            }
            if (!Unsafe.AreSame(ref from[0], ref values[0])) from.CopyTo(values);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(scratch);
        }
    }

    public static double OfSorted(ReadOnlySpan<long> sorted)
    {
        var n = sorted.Length;
        if (n == 0) return 0;
        // The sums in 64 bits while they fit (wealth in micro-units summed over devices nearly always
        // does): 128-bit arithmetic made this loop a third of the Gini at 100 k devices. The same
        // integers either way, so the same coefficient.
        try
        {
            long total64 = 0, weighted64 = 0;
            for (var i = 0; i < n; i++)
            {
                var x = sorted[i];
                if (x < 0 || (i > 0 && x < sorted[i - 1])) return OfSorted128(sorted); // it throws the right error
                total64 = checked(total64 + x);
                weighted64 = checked(weighted64 + checked(x * (n - i)));
            }
            return total64 == 0 ? 0 : 1.0 + 1.0 / n - 2.0 * (double)weighted64 / ((double)n * (double)total64);
        }
        catch (OverflowException)
        {
            return OfSorted128(sorted);
        }
    }

    internal static double OfSorted128(ReadOnlySpan<long> sorted)
    {
        var n = sorted.Length;
        Int128 total = 0, weighted = 0;
        for (var i = 0; i < n; i++)
        {
            if (sorted[i] < 0) throw new ArgumentException("Gini is defined for non-negative amounts.");
            if (i > 0 && sorted[i] < sorted[i - 1]) throw new ArgumentException("Values must be sorted ascending.");
            total += sorted[i];
            weighted += (Int128)sorted[i] * (n - i);
        }
        if (total == 0) return 0;
        return 1.0 + 1.0 / n - 2.0 * (double)weighted / ((double)n * (double)total);
    }
}
