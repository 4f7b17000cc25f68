using M2MSim.Analysis.Statistics;

namespace M2MSim.Analysis.Tests;

public sealed class LinearTrendTests
{
    [Fact]
    public void A_known_regression_is_recovered_with_its_slope_test()
    {
        // x = 1..5, y = 2, 4, 5, 4, 5: slope 0.6, intercept 2.2, R² 0.6, slope SE √(0.8 / 10) = 0.2828;
        // t = 2.1213 on 3 df, whose two-sided p is 0.124027 (closed form of the t CDF for 3 df).
        var fit = LinearTrend.Of([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])!;
        Assert.Equal(0.6, fit.Slope, 12);
        Assert.Equal(2.2, fit.Intercept, 12);
        Assert.Equal(0.6, fit.RSquared, 12);
        Assert.Equal(0.282842712474619, fit.SlopeStandardError, 12);
        Assert.Equal(2.1213203435596424, fit.T, 10);
        Assert.Equal(0.12402706265755459, fit.PValue, 8);
    }

    [Fact]
    public void A_perfect_line_is_certain_and_a_flat_or_tiny_sample_has_no_fit()
    {
        var perfect = LinearTrend.Of([0, 1, 2, 3], [1, 3, 5, 7])!;
        Assert.Equal((2.0, 1.0, 1.0, 0.0), (perfect.Slope, perfect.Intercept, perfect.RSquared, perfect.PValue));
        Assert.Null(LinearTrend.Of([1, 2], [1, 2]));          // two points: no degrees of freedom left
        Assert.Null(LinearTrend.Of([1, 1, 1], [1, 2, 3]));    // one x: no slope
        Assert.Null(LinearTrend.Of([1, 2, 3], [4, 4, 4]));    // y does not vary
    }
}
