using M2MSim.Analysis.Statistics;

namespace M2MSim.Analysis.Tests;

public sealed class PairedTTestTests
{
    [Fact]
    public void A_known_set_of_differences_gives_the_reference_t_and_p()
    {
        // Differences 1..5: mean 3, sd √2.5, t = 3 / (√2.5 / √5) = 4.2426 on 4 df; two-sided p 0.0132356
        // (numerical integration of the t density, independent of MathNet).
        var test = PairedTTest.Of([(11, 10), (12, 10), (13, 10), (14, 10), (15, 10)])!;
        Assert.Equal((5, 3.0), (test.N, test.MeanDifference));
        Assert.Equal(4.242640687119285, test.T, 10);
        Assert.Equal(0.0132356, test.PValue, 6);
    }

    [Fact]
    public void One_pair_or_constant_differences_cannot_be_tested()
    {
        Assert.Null(PairedTTest.Of([(2, 1)]));
        Assert.Null(PairedTTest.Of([(2, 1), (5, 4), (9, 8)]));
    }
}
