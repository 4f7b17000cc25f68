using M2MSim.Analysis.Metrics;
using M2MSim.Analysis.Statistics;
using MathNet.Numerics.Distributions;

namespace M2MSim.Analysis.Tests;

public sealed class StatisticsTests
{
    // Reference pair used here and in the sweep test; Welch's t, df and p computed independently
    // (Python: Welch–Satterthwaite df, Student t density integrated by Simpson's rule, 200,000 steps).
    internal static readonly double[] A = [19.1, 20.3, 21.0, 18.7, 20.9, 22.4];
    internal static readonly double[] B = [23.5, 24.1, 22.0, 25.3, 23.8];
    internal const double WelchT = -4.351014487817557;
    internal const double WelchDf = 8.955228255075825;
    internal const double WelchP = 0.0018694296663910315;

    [Fact]
    public void The_interval_of_a_known_sample_uses_the_textbook_t_value()
    {
        var m = MeanInterval.Of([2, 4, 4, 4, 5, 5, 7, 9]);

        // mean 5, s = √(32/7); t(0.975, 7 df) = 2.365 in every t table.
        Assert.Equal(8, m.N);
        Assert.Equal(5, m.Mean, 12);
        Assert.Equal(Math.Sqrt(32.0 / 7), m.StdDev, 12);
        Assert.Equal(5 - m.HalfWidth!.Value, m.Lower!.Value, 12);
        var t = m.HalfWidth!.Value * Math.Sqrt(8) / m.StdDev;
        Assert.Equal(2.365, t, 0.0005); // the table's three decimals
    }

    [Fact]
    public void One_value_has_a_mean_but_no_interval_and_none_has_neither()
    {
        var one = MeanInterval.Of([3.5]);
        var none = MeanInterval.Of([]);

        Assert.Equal(3.5, one.Mean);
        Assert.False(one.HasInterval);
        Assert.Null(one.Upper);
        Assert.Equal(0, none.N);
        Assert.True(double.IsNaN(none.Mean));
    }

    [Fact]
    public void Welch_matches_a_reference_computation()
    {
        var w = WelchTest.Of(A, B)!;

        Assert.Equal(WelchT, w.T, 10);
        Assert.Equal(WelchDf, w.DegreesOfFreedom, 10);
        Assert.Equal(WelchP, w.PValue, 6);
        Assert.Equal(20.4 - 23.74, w.Difference, 10);
    }

    [Fact]
    public void Welch_needs_two_values_a_side_and_some_variation()
    {
        Assert.Null(WelchTest.Of([1.0], [2.0, 3.0]));
        Assert.Null(WelchTest.Of([1.0, 1.0], [2.0, 2.0]));
    }

    [Theory]
    [InlineData(new[] { 1.0, 1.0, 1.0, 1.0 }, 0.0)]
    [InlineData(new[] { 0.0, 0.0, 5.0, 5.0 }, 0.5)]  // half hold nothing, half share equally
    [InlineData(new[] { 0.0, 0.0, 0.0, 8.0 }, 0.75)] // one of n holds all: (n − 1) / n
    public void Gini_of_two_point_distributions_is_exact(double[] amounts, double expected) =>
        Assert.Equal(expected, WealthGini.Of(amounts.Select(a => (decimal)a)), 12);

    [Fact]
    public void Gini_of_a_large_exponential_sample_is_one_half()
    {
        var random = new Random(11); // test data only
        var wealth = Exponential.Samples(random, 0.01).Take(50_000).Select(w => (decimal)w);

        Assert.Equal(0.5, WealthGini.Of(wealth), 2);
    }

    [Fact]
    public void The_Lorenz_curve_runs_from_nothing_to_everything_below_the_diagonal()
    {
        var curve = LorenzCurve.Of([0m, 0m, 5m, 5m]);

        Assert.Equal([0, 0.25, 0.5, 0.75, 1], curve.PopulationShare);
        Assert.Equal([0, 0, 0, 0.5, 1], curve.WealthShare);
    }

    [Fact]
    public void Fits_recover_a_known_exponential_rate_and_log_normal_parameters()
    {
        var random = new Random(3); // test data only
        var exponential = Exponential.Samples(random, 0.05).Take(20_000).ToArray();
        var logNormal = LogNormal.Samples(random, 1.5, 0.8).Take(20_000).Append(0).ToArray();

        var exp = ExponentialFit.Of(exponential);
        var ln = LogNormalFit.Of(logNormal);

        Assert.Equal(0.05, exp.Rate, 0.002);
        Assert.Equal(1.5, ln.Mu, 0.02);
        Assert.Equal(0.8, ln.Sigma, 0.02);
        Assert.Equal(1, ln.Excluded); // the zero has no logarithm
        Assert.True(ln.PValue > 0.01, $"log-normal data rejected: D = {ln.KsStatistic}");
        Assert.True(LogNormalFit.Of(exponential).PValue < 0.001, "exponential data accepted as log-normal");
    }
}
