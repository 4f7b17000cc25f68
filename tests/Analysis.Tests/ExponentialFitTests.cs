using M2MSim.Analysis.Metrics;
using MathNet.Numerics.Distributions;

namespace M2MSim.Analysis.Tests;

public sealed class ExponentialFitTests
{
    [Fact]
    public void Exponential_samples_fit_and_uniform_ones_do_not()
    {
        var random = new Random(5); // test data only; the simulator never uses System.Random
        var exponential = Exponential.Samples(random, 1 / 20.0).Take(2_000).ToArray();
        var uniform = ContinuousUniform.Samples(random, 0, 40).Take(2_000).ToArray();

        var good = ExponentialFit.Of(exponential);
        var bad = ExponentialFit.Of(uniform);

        Assert.Equal(1 / exponential.Average(), good.Rate, 12);
        Assert.True(good.PValue > 0.05, $"exponential data rejected: D = {good.KsStatistic}, p = {good.PValue}");
        Assert.True(bad.PValue < 0.001, $"uniform data accepted: D = {bad.KsStatistic}, p = {bad.PValue}");
    }

    [Theory]
    [InlineData(0.0, 100, 1.0)]
    [InlineData(0.136, 100, 0.05)] // the textbook 5 % critical value 1.36 / √n
    [InlineData(0.163, 100, 0.01)] // and the 1 % one, 1.63 / √n
    public void The_p_value_matches_the_Kolmogorov_tables(double d, int n, double expected) =>
        Assert.Equal(expected, ExponentialFit.KolmogorovPValue(d, n), 1.5e-2);
}
