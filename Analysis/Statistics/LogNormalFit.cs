using MathNet.Numerics.Distributions;

namespace M2MSim.Analysis.Statistics;

/// <summary>
/// A log-normal distribution fitted by moments of the logarithm (MathNet's LogNormal.Estimate: μ is
/// the mean of ln x, σ its sample standard deviation, with n − 1; maximum likelihood would use n,
/// a difference of a factor √(n / (n − 1)) in σ) to the positive values of a sample, with the
/// Kolmogorov–Smirnov distance over those values. Zero amounts (devices left with nothing) have no
/// logarithm; they are counted in <see cref="Excluded"/> so a report can say how many were left out.
/// </summary>
public sealed record LogNormalFit(int Count, int Excluded, double Mu, double Sigma, double KsStatistic, double PValue)
{
    public double Density(double x) => x <= 0 ? 0 : LogNormal.PDF(Mu, Sigma, x);

    public static LogNormalFit Of(IReadOnlyList<double> values)
    {
        var positive = values.Where(v => v > 0).Order().ToArray();
        if (positive.Length < 2) throw new ArgumentException("A log-normal fit needs at least two positive values.", nameof(values));
        var fitted = LogNormal.Estimate(positive);
        var d = KolmogorovSmirnov.Distance(positive, fitted.CumulativeDistribution);
        return new LogNormalFit(positive.Length, values.Count - positive.Length, fitted.Mu, fitted.Sigma, d,
            KolmogorovSmirnov.PValue(d, positive.Length));
    }
}
