namespace M2MSim.Economy.Metrics;

/// <summary>
/// Gini coefficient of non-negative amounts: G = 1 + 1/n − 2 Σ x₍ᵢ₎ (n − i) / (n Σ x), x sorted
/// ascending, i from 0. The sums are exact integers, so the result depends only on the values.
/// </summary>
public static class Gini
{
    /// <summary>Computes the coefficient; sorts <paramref name="values"/> in place.</summary>
    public static double OfSorting(long[] values)
    {
        Array.Sort(values);
        return OfSorted(values);
    }

    public static double OfSorted(ReadOnlySpan<long> sorted)
    {
        var n = sorted.Length;
        if (n == 0) return 0;
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
