using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace M2MSim.Analysis.Statistics;

/// <summary>
/// The paired t-test of a mean difference, two-sided, n − 1 degrees of freedom; p from MathNet's
/// Student t. For a sweep's common random numbers: replication r of two settings ran on the same
/// seed, so their difference removes the noise the two runs share.
/// </summary>
/// <param name="MeanDifference">Mean of (a − b) over the pairs.</param>
public sealed record PairedTTest(int N, double MeanDifference, double T, double PValue)
{
    /// <summary>Null with fewer than two pairs or differences that do not vary: there is nothing to test then.</summary>
    public static PairedTTest? Of(IReadOnlyList<(double A, double B)> pairs)
    {
        if (pairs.Count < 2) return null;
        var (mean, variance) = pairs.Select(p => p.A - p.B).MeanVariance();
        if (variance == 0) return null;
        var t = mean / Math.Sqrt(variance / pairs.Count);
        var p = Math.Min(1, 2 * StudentT.CDF(0, 1, pairs.Count - 1, -Math.Abs(t)));
        return new PairedTTest(pairs.Count, mean, t, p);
    }
}
