using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace M2MSim.Analysis.Statistics;

/// <summary>
/// Ordinary least squares of a metric on a numeric parameter, y = Intercept + Slope × x, over every
/// run (not the level means, so replications count). The slope's two-sided p-value tests slope = 0
/// with Student t on n − 2 degrees of freedom. Fit and R² from MathNet.
/// </summary>
public sealed record LinearTrend(int N, double Slope, double Intercept, double RSquared, double SlopeStandardError, double T, double PValue)
{
    /// <summary>Null with fewer than three points, fewer than two distinct x, or y that does not vary.</summary>
    public static LinearTrend? Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count) throw new ArgumentException("x and y differ in length.");
        var n = x.Count;
        if (n < 3 || x.Distinct().Count() < 2 || y.Distinct().Count() < 2) return null;
        var (intercept, slope) = Fit.Line(x.ToArray(), y.ToArray());
        var predicted = x.Select(v => intercept + slope * v).ToArray();
        var rSquared = GoodnessOfFit.RSquared(predicted, y);
        var meanX = x.Average();
        var sxx = x.Sum(v => (v - meanX) * (v - meanX));
        var sse = y.Zip(predicted, (a, b) => (a - b) * (a - b)).Sum();
        var se = Math.Sqrt(sse / (n - 2) / sxx);
        // A perfect fit has no error: the slope is certain (t infinite, p 0).
        var t = se == 0 ? double.PositiveInfinity * Math.Sign(slope) : slope / se;
        var p = se == 0 ? 0 : Math.Min(1, 2 * StudentT.CDF(0, 1, n - 2, -Math.Abs(t)));
        return new LinearTrend(n, slope, intercept, rSquared, se, t, p);
    }
}
