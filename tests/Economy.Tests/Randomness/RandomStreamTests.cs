using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Randomness;

namespace M2MSim.Economy.Tests.Randomness;

public sealed class RandomStreamTests
{
    private static ulong[] Draws(ulong seed, RandomPurpose purpose, long subject, long tick, int count = 16)
    {
        var r = new RandomStream(seed, purpose, subject, tick);
        var xs = new ulong[count];
        for (var i = 0; i < count; i++) xs[i] = r.NextUInt64();
        return xs;
    }

    [Property(MaxTest = 200)]
    public bool The_same_key_gives_the_same_sequence(ulong seed, long subject, long tick) =>
        Draws(seed, RandomPurpose.Strategy, subject, tick).SequenceEqual(Draws(seed, RandomPurpose.Strategy, subject, tick));

    [Property(MaxTest = 200)]
    public bool A_different_seed_gives_a_different_sequence(ulong seed, ulong other, long subject, long tick) =>
        seed == other || !Draws(seed, RandomPurpose.Strategy, subject, tick).SequenceEqual(Draws(other, RandomPurpose.Strategy, subject, tick));

    [Property(MaxTest = 200)]
    public bool A_different_subject_gives_a_different_sequence(ulong seed, long subject, long other, long tick) =>
        subject == other || !Draws(seed, RandomPurpose.Population, subject, tick).SequenceEqual(Draws(seed, RandomPurpose.Population, other, tick));

    [Property(MaxTest = 200)]
    public bool A_different_tick_gives_a_different_sequence(ulong seed, long subject, long tick, long other) =>
        tick == other || !Draws(seed, RandomPurpose.MarketOrder, subject, tick).SequenceEqual(Draws(seed, RandomPurpose.MarketOrder, subject, other));

    [Fact]
    public void Every_purpose_gives_its_own_sequence()
    {
        var sequences = Enum.GetValues<RandomPurpose>().Select(p => Draws(42, p, 7, 3)).ToArray();
        for (var i = 0; i < sequences.Length; i++)
        {
            for (var j = i + 1; j < sequences.Length; j++)
                Assert.False(sequences[i].SequenceEqual(sequences[j]), $"purposes {i} and {j} share a sequence");
        }
    }

    [Fact]
    public void Neighbouring_keys_do_not_give_shifted_copies_of_one_sequence()
    {
        // A counter-based generator with poorly mixed keys can make stream k+1 equal stream k
        // shifted by a few draws; no draw of one stream should appear in its neighbour's first 64.
        var a = Draws(1, RandomPurpose.Strategy, 10, 5, 64).ToHashSet();
        foreach (var (subject, tick) in new[] { (11L, 5L), (10L, 6L), (9L, 5L), (10L, 4L) })
        {
            var b = Draws(1, RandomPurpose.Strategy, subject, tick, 64);
            Assert.DoesNotContain(b, a.Contains);
        }
    }

    [Fact]
    public void NextLong_stays_within_the_bounds_and_reaches_both_ends()
    {
        var r = new RandomStream(9, RandomPurpose.Strategy, 1, 2);
        long lo = long.MaxValue, hi = long.MinValue;
        for (var i = 0; i < 10_000; i++)
        {
            var x = r.NextLong(-3, 3);
            Assert.InRange(x, -3, 3);
            lo = Math.Min(lo, x);
            hi = Math.Max(hi, x);
        }
        Assert.Equal(-3, lo);
        Assert.Equal(3, hi);
    }

    [Property(MaxTest = 300)]
    public Property NextLong_is_within_any_inclusive_range() =>
        Prop.ForAll(
            Gen.Elements(long.MinValue, long.MinValue + 1, -1_000_000_007L, -5L, 0L, 1L, 17L, 1L << 40, long.MaxValue - 1, long.MaxValue)
                .Two().Select(t => (Math.Min(t.Item1, t.Item2), Math.Max(t.Item1, t.Item2)))
                .Zip(Gen.Choose(0, int.MaxValue))
                .ToArbitrary(),
            c =>
            {
                var ((min, max), seed) = c;
                var r = new RandomStream((ulong)seed, RandomPurpose.Schedule, min, max);
                for (var i = 0; i < 50; i++)
                {
                    var x = r.NextLong(min, max);
                    if (x < min || x > max) return false;
                }
                return true;
            });

    [Fact]
    public void NextLong_with_equal_bounds_returns_the_bound_and_refuses_an_empty_range()
    {
        var r = new RandomStream(1, RandomPurpose.Strategy, 0, 0);
        Assert.Equal(5, r.NextLong(5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var s = new RandomStream(1, RandomPurpose.Strategy, 0, 0);
            s.NextLong(2, 1);
        });
    }

    [Fact]
    public void NextDouble_is_in_the_unit_interval()
    {
        var r = new RandomStream(3, RandomPurpose.Population, 4, 5);
        double lo = 1, hi = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var x = r.NextDouble();
            Assert.True(x >= 0 && x < 1, $"draw {i} was {x}");
            lo = Math.Min(lo, x);
            hi = Math.Max(hi, x);
        }
        Assert.True(lo < 0.001 && hi > 0.999, $"draws spanned only [{lo}, {hi}]");
    }

    [Theory]
    [InlineData(0UL, 10L)]
    [InlineData(12345UL, 7L)]
    [InlineData(ulong.MaxValue, 16L)]
    public void NextLong_is_roughly_uniform(ulong seed, long buckets)
    {
        const int draws = 100_000;
        var counts = new long[buckets];
        var r = new RandomStream(seed, RandomPurpose.MarketOrder, 1, 0);
        for (var i = 0; i < draws; i++) counts[r.NextLong(0, buckets - 1)]++;
        Assert.True(ChiSquare(counts, draws) < ChiSquareBound(buckets - 1), $"chi-square {ChiSquare(counts, draws)} for {string.Join(",", counts)}");
    }

    [Fact]
    public void NextDouble_is_roughly_uniform()
    {
        const int draws = 100_000, buckets = 20;
        var counts = new long[buckets];
        var r = new RandomStream(77, RandomPurpose.Strategy, 2, 9);
        for (var i = 0; i < draws; i++) counts[(int)(r.NextDouble() * buckets)]++;
        Assert.True(ChiSquare(counts, draws) < ChiSquareBound(buckets - 1), $"chi-square {ChiSquare(counts, draws)}");
    }

    [Fact]
    public void NextGaussian_has_mean_zero_and_unit_variance()
    {
        const int draws = 100_000;
        var r = new RandomStream(5, RandomPurpose.Population, 0, 0);
        double sum = 0, sumSq = 0;
        for (var i = 0; i < draws; i++)
        {
            var x = r.NextGaussian();
            Assert.True(double.IsFinite(x));
            sum += x;
            sumSq += x * x;
        }
        var mean = sum / draws;
        var variance = sumSq / draws - mean * mean;
        Assert.InRange(mean, -0.02, 0.02); // standard error 0.003
        Assert.InRange(variance, 0.97, 1.03); // standard error ≈ 0.0045
    }

    private static double ChiSquare(long[] counts, int draws)
    {
        var expected = draws / (double)counts.Length;
        return counts.Sum(c => (c - expected) * (c - expected) / expected);
    }

    // Generous: the mean of chi-square is df and its standard deviation sqrt(2 df); a uniform
    // generator exceeds df + 6 sqrt(2 df) + 10 with negligible probability, a biased one easily.
    private static double ChiSquareBound(long df) => df + 6 * Math.Sqrt(2 * df) + 10;
}
