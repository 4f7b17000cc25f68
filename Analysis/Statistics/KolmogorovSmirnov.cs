namespace M2MSim.Analysis.Statistics;

/// <summary>
/// The one-sample Kolmogorov–Smirnov distance between a sample and a fitted CDF, and its asymptotic
/// p-value. MathNet.Numerics has the distributions but no KS test, so this small piece is ours.
/// When the distribution's parameters are estimated from the same data the p-value is conservative
/// (Lilliefors): a small p still rejects, a large one is weaker evidence of fit than it looks.
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>sup |F_n(x) − F(x)| over a sample sorted ascending.</summary>
    public static double Distance(IReadOnlyList<double> sorted, Func<double, double> cdf)
    {
        // Compare at every distinct value on both sides of its jump: ties make the empirical CDF
        // jump by more than 1/n.
        double d = 0;
        var n = sorted.Count;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j < n && sorted[j] == sorted[i]) j++;
            var f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max(Math.Abs(f - (double)i / n), Math.Abs((double)j / n - f)));
            i = j;
        }
        return d;
    }

    /// <summary>P(D ≥ d) for n values, by the Kolmogorov series with Stephens' small-sample correction.</summary>
    public static double PValue(double d, int n)
    {
        var sqrtN = Math.Sqrt(n);
        var lambda = (sqrtN + 0.12 + 0.11 / sqrtN) * d;
        if (lambda < 0.2) return 1;
        double sum = 0;
        for (var k = 1; k <= 100; k++)
        {
            var term = Math.Exp(-2 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? 1 : -1) * term;
            if (term < 1e-12) break;
        }
        return Math.Clamp(2 * sum, 0, 1);
    }
}
