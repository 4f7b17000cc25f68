using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace M2MSim.Analysis.Statistics;

/// <summary>
/// The mean of a sample with a two-sided Student-t confidence interval (n − 1 degrees of freedom).
/// One value has a mean but no spread, so no interval: <see cref="Lower"/> and <see cref="Upper"/>
/// are null then, and a report says so rather than print a zero-width interval.
/// </summary>
/// <param name="StdDev">Sample standard deviation (n − 1 denominator); NaN for fewer than two values.</param>
/// <param name="Level">Confidence level, 0.95 for a 95 % interval.</param>
public sealed record MeanInterval(int N, double Mean, double StdDev, double? Lower, double? Upper, double Level)
{
    public bool HasInterval => Lower is not null;

    public double? HalfWidth => Upper - Mean;

    public static MeanInterval Of(IEnumerable<double> values, double level = 0.95)
    {
        var sample = values.ToArray();
        if (sample.Length == 0) return new MeanInterval(0, double.NaN, double.NaN, null, null, level);
        if (sample.Length == 1) return new MeanInterval(1, sample[0], double.NaN, null, null, level);
        var (mean, sd) = sample.MeanStandardDeviation();
        var t = StudentT.InvCDF(0, 1, sample.Length - 1, 1 - (1 - level) / 2);
        var half = t * sd / Math.Sqrt(sample.Length);
        return new MeanInterval(sample.Length, mean, sd, mean - half, mean + half, level);
    }
}
