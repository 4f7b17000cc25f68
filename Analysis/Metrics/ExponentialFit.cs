using M2MSim.Analysis.Statistics;
using MathNet.Numerics.Distributions;

namespace M2MSim.Analysis.Metrics;

/// <summary>
/// An exponential distribution fitted to non-negative amounts by maximum likelihood (rate =
/// 1 / mean), with the Kolmogorov–Smirnov distance to it and the asymptotic p-value. Because
/// the rate is estimated from the same data, the p-value is conservative (Lilliefors).
/// </summary>
public sealed record ExponentialFit(int Count, double Rate, double KsStatistic, double PValue)
{
    public double Density(double x) => Exponential.PDF(Rate, x);

    public static ExponentialFit Of(IReadOnlyList<double> values)
    {
        if (values.Count < 2) throw new ArgumentException("An exponential fit needs at least two values.", nameof(values));
        var sorted = values.Order().ToArray();
        if (sorted.Average() <= 0) throw new ArgumentException("An exponential fit needs a positive mean.", nameof(values));
        // MathNet has no Exponential.Estimate; the maximum-likelihood rate is 1 / mean.
        var fitted = new Exponential(1 / sorted.Average());
        var d = KolmogorovSmirnov.Distance(sorted, fitted.CumulativeDistribution);
        return new ExponentialFit(sorted.Length, fitted.Rate, d, KolmogorovSmirnov.PValue(d, sorted.Length));
    }

    /// <summary>P(D ≥ d) for n values (kept for callers of the earlier API).</summary>
    public static double KolmogorovPValue(double d, int n) => KolmogorovSmirnov.PValue(d, n);
}
