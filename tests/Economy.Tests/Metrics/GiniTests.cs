using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Metrics;
using M2MSim.Economy.Randomness;

namespace M2MSim.Economy.Tests.Metrics;

public sealed class GiniTests
{
    [Theory]
    [InlineData(1, 5L)]
    [InlineData(4, 1_000_000L)]
    [InlineData(1000, 3L)]
    public void Equal_amounts_give_zero(int n, long amount) =>
        Assert.Equal(0, Gini.OfSorting(Enumerable.Repeat(amount, n).ToArray()), 12);

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(1000)]
    public void One_holder_of_everything_among_n_gives_one_minus_one_over_n(int n)
    {
        var values = new long[n];
        values[n / 2] = 123_456_789;
        Assert.Equal(1 - 1.0 / n, Gini.OfSorting(values), 12);
    }

    [Fact]
    public void A_small_example_matches_the_formula_by_hand()
    {
        // x = 0, 0, 3, 5 (sorted): Σx = 8, Σ x(n − i) = 0·4 + 0·3 + 3·2 + 5·1 = 11,
        // G = 1 + 1/4 − 2·11/(4·8) = 0.5625; the mean absolute difference gives the same:
        // Σᵢⱼ |xᵢ − xⱼ| / (2 n² mean) = 36 / 64.
        Assert.Equal(0.5625, Gini.OfSorting([5, 0, 3, 0]), 12);
        // x = 1, 2, 3, 4: Σx = 10, Σ x(n − i) = 4 + 6 + 6 + 4 = 20, G = 1.25 − 40/40 = 0.25.
        Assert.Equal(0.25, Gini.OfSorted([1, 2, 3, 4]), 12);
    }

    [Fact]
    public void Empty_and_all_zero_inputs_give_zero()
    {
        Assert.Equal(0, Gini.OfSorting([]));
        Assert.Equal(0, Gini.OfSorting([0, 0, 0]));
    }

    [Fact]
    public void Negative_or_unsorted_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Gini.OfSorting([3, -1, 2]));
        Assert.Throws<ArgumentException>(() => Gini.OfSorted([1, 3, 2]));
    }

    [Theory]
    [InlineData(1_000, 0L, 200L)] // the money model's wealth: small sums, exact in a double
    [InlineData(1_000, 0L, 1L << 42)] // 64-bit sums past a double's integers (2^53): they must round alike
    [InlineData(100_000, 0L, 1L << 26)] // likewise, a million money devices' order of magnitude
    [InlineData(1_000, 1L << 52, (1L << 54) + 12_345)] // Σ x(n − i) past 64 bits: the 128-bit path
    [InlineData(3, long.MaxValue / 3, long.MaxValue / 2)] // the total overflows 64 bits
    public void The_64_bit_sums_give_exactly_what_the_128_bit_sums_give(int n, long low, long high)
    {
        var random = new RandomStream(11, RandomPurpose.Population, n, low);
        var values = new long[n];
        for (var i = 0; i < n; i++) values[i] = random.NextLong(low, high);
        Array.Sort(values);
        Assert.Equal(Gini.OfSorted128(values), Gini.OfSorted(values)); // to the last bit
    }

    [Fact]
    public void OfSorting_sorts_its_input_in_place()
    {
        long[] values = [9, 1, 5];
        Gini.OfSorting(values);
        Assert.Equal([1L, 5L, 9L], values);
    }

    [Theory]
    [InlineData(4_096, 0L, 1L)] // the smallest input sorted by radix; one bit varies
    [InlineData(100_000, 0L, 200L)] // one byte, as in the money model
    [InlineData(100_000, 5_000_000L, 5_000_300L)] // high bytes all equal, low ones vary
    [InlineData(50_001, 0L, long.MaxValue)] // every byte
    public void Large_inputs_are_sorted_exactly_as_a_comparison_sort_sorts_them(int n, long low, long high)
    {
        var random = new RandomStream(7, RandomPurpose.Population, n, 0);
        var values = new long[n];
        for (var i = 0; i < n; i++) values[i] = random.NextLong(low, high);
        var expected = (long[])values.Clone();
        Array.Sort(expected);

        var g = Gini.OfSorting(values);

        Assert.Equal(expected, values);
        Assert.Equal(Gini.OfSorted(expected), g);
    }

    [Fact]
    public void A_negative_amount_in_a_large_input_is_refused()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => (long)i).ToArray();
        values[^1] = -1;
        Assert.Throws<ArgumentException>(() => Gini.OfSorting(values));
    }

    [Fact]
    public void Exponentially_distributed_wealth_has_a_gini_of_one_half()
    {
        // Inverse CDF: x = −mean · ln(1 − u). The Gini of an exponential distribution is exactly 1/2.
        const int n = 200_000;
        const double mean = 1_000;
        var random = new RandomStream(2718, RandomPurpose.Population, 0, 0);
        var values = new long[n];
        for (var i = 0; i < n; i++) values[i] = (long)Math.Round(-mean * Math.Log(1 - random.NextDouble()));
        Assert.InRange(values.Average(), 0.98 * mean, 1.02 * mean);
        Assert.InRange(Gini.OfSorting(values), 0.49, 0.51);
    }

    [Fact]
    public void Uniformly_distributed_wealth_has_a_gini_of_one_third()
    {
        const int n = 200_000;
        var random = new RandomStream(31, RandomPurpose.Population, 0, 0);
        var values = new long[n];
        for (var i = 0; i < n; i++) values[i] = random.NextLong(0, 1_000_000);
        Assert.InRange(Gini.OfSorting(values), 1 / 3.0 - 0.01, 1 / 3.0 + 0.01);
    }

    private static Arbitrary<long[]> Wealth() =>
        Gen.Choose(0, 1_000_000).Select(x => (long)x).NonEmptyListOf().Select(xs => xs.ToArray()).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property The_coefficient_is_between_zero_and_one_minus_one_over_n() =>
        Prop.ForAll(Wealth(), xs =>
        {
            var g = Gini.OfSorting((long[])xs.Clone());
            return g >= -1e-12 && g <= 1 - 1.0 / xs.Length + 1e-12;
        });

    [Property(MaxTest = 300)]
    public Property The_coefficient_ignores_order_and_scale_and_matches_the_mean_absolute_difference() =>
        Prop.ForAll(Wealth().Zip(Gen.Choose(1, 1000).ToArbitrary()), c =>
        {
            var (xs, k) = c;
            var g = Gini.OfSorting((long[])xs.Clone());
            var reversed = Gini.OfSorting(xs.Reverse().ToArray());
            var scaled = Gini.OfSorting(xs.Select(x => x * k).ToArray());
            double total = xs.Sum(), pairs = 0;
            foreach (var a in xs)
                foreach (var b in xs)
                    pairs += Math.Abs(a - b);
            var byDefinition = total == 0 ? 0 : pairs / (2.0 * xs.Length * total);
            return (Math.Abs(g - reversed) < 1e-12).Label("order")
                .And(Math.Abs(g - scaled) < 1e-9).Label("scale")
                .And(Math.Abs(g - byDefinition) < 1e-9).Label($"mean absolute difference {byDefinition} vs {g}");
        });
}
