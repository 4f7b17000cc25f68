using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace M2MSim.Analysis.Statistics;

/// <summary>
/// Welch's two-sample t-test (unequal variances) of the difference in means, two-sided, with the
/// Welch–Satterthwaite degrees of freedom; the p-value comes from MathNet's Student t.
/// </summary>
/// <param name="Difference">Mean of the first sample minus mean of the second.</param>
public sealed record WelchTest(int NA, int NB, double Difference, double T, double DegreesOfFreedom, double PValue)
{
    /// <summary>Null when a sample has fewer than two values or neither varies: there is nothing to test then.</summary>
    public static WelchTest? Of(IReadOnlyCollection<double> a, IReadOnlyCollection<double> b)
    {
        if (a.Count < 2 || b.Count < 2) return null;
        var (meanA, varA) = a.MeanVariance();
        var (meanB, varB) = b.MeanVariance();
        var sa = varA / a.Count;
        var sb = varB / b.Count;
        if (sa + sb == 0) return null;
        var t = (meanA - meanB) / Math.Sqrt(sa + sb);
        var df = (sa + sb) * (sa + sb) / (sa * sa / (a.Count - 1) + sb * sb / (b.Count - 1));
        var p = 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));
        return new WelchTest(a.Count, b.Count, meanA - meanB, t, df, Math.Min(1, p));
    }
}
