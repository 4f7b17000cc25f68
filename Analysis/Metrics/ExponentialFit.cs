using MathNet.Numerics.Distributions;

namespace M2MSim.Analysis.Metrics;

/// <summary>
/// An exponential distribution fitted to non-negative amounts by maximum likelihood (rate =
/// 1 / mean), with the Kolmogorov–Smirnov distance to it and the asymptotic p-value. Because
/// the rate is estimated from the same data, the p-value is conservative (Lilliefors).
/// </summary>
public sealed record ExponentialFit(int Count, double Rate, double KsStatistic, double PValue)
{
    public static ExponentialFit Of(IReadOnlyList<double> values)
    {
        if (values.Count < 2) throw new ArgumentException("An exponential fit needs at least two values.", nameof(values));
        var sorted = values.Order().ToArray();
        var mean = sorted.Average();
        if (mean <= 0) throw new ArgumentException("An exponential fit needs a positive mean.", nameof(values));
        var rate = 1 / mean;

        // Compare the empirical CDF with the fitted one at every distinct value, on both sides of
        // each jump (ties make the empirical CDF jump by more than 1/n).
        double d = 0;
        var n = sorted.Length;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j < n && sorted[j] == sorted[i]) j++;
            var f = Exponential.CDF(rate, sorted[i]);
            d = Math.Max(d, Math.Max(Math.Abs(f - (double)i / n), Math.Abs((double)j / n - f)));
            i = j;
        }
        return new ExponentialFit(n, rate, d, KolmogorovPValue(d, n));
    }

    /// <summary>P(D ≥ d) for n values, by the Kolmogorov series with Stephens' small-sample correction.</summary>
    public static double KolmogorovPValue(double d, int n)
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
