using M2MSim.Economy.Money;

namespace M2MSim.Economy.Tests.Money;

public sealed class MicrosTests
{
    [Theory]
    [InlineData(1.5, 1_500_000L)]
    [InlineData(0.0, 0L)]
    [InlineData(-2.25, -2_250_000L)]
    [InlineData(0.000001, 1L)]
    [InlineData(123.456789, 123_456_789L)]
    // k/128 units are exact doubles whose micro-unit count ends in exactly .5: half to even.
    [InlineData(1.0 / 128, 7_812L)] // 7812.5
    [InlineData(3.0 / 128, 23_438L)] // 23437.5
    [InlineData(-1.0 / 128, -7_812L)] // -7812.5
    [InlineData(-3.0 / 128, -23_438L)] // -23437.5
    [InlineData(0.0000014, 1L)]
    [InlineData(0.0000016, 2L)]
    public void FromUnits_rounds_to_the_nearest_micro_unit_half_to_even(double units, long expected) =>
        Assert.Equal(expected, Micros.FromUnits(units));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e300)]
    [InlineData(-1e300)]
    public void FromUnits_refuses_amounts_that_are_not_finite_or_too_large(double units) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Micros.FromUnits(units));

    [Theory]
    [InlineData(1_500_000L, "1.500000")]
    [InlineData(-5L, "-0.000005")]
    [InlineData(0L, "0.000000")]
    [InlineData(1L, "0.000001")]
    [InlineData(999_999L, "0.999999")]
    [InlineData(1_000_000L, "1.000000")]
    [InlineData(-12_500_000L, "-12.500000")]
    [InlineData(long.MaxValue, "9223372036854.775807")]
    [InlineData(long.MinValue, "-9223372036854.775808")]
    public void Format_writes_the_exact_decimal_text(long micros, string expected) =>
        Assert.Equal(expected, Micros.Format(micros));

    [Theory]
    [InlineData(1_000_000L)]
    [InlineData(123_456_789L)]
    [InlineData(-42L)]
    [InlineData(7_812L)]
    public void Format_round_trips_through_decimal_parsing(long micros) =>
        Assert.Equal(micros, (long)(decimal.Parse(Micros.Format(micros), System.Globalization.CultureInfo.InvariantCulture) * Micros.PerUnit));

    [Theory]
    [InlineData(1_000_000L, 10_000L, 10_000L)] // 1 % of one unit
    [InlineData(999L, 1_000L, 0L)] // 0.999 rounds down
    [InlineData(1_999L, 500_000L, 999L)] // 999.5 rounds down
    [InlineData(123L, 0L, 0L)]
    [InlineData(123L, 1_000_000L, 123L)]
    [InlineData(0L, 250_000L, 0L)]
    public void MulPpm_multiplies_and_rounds_down(long micros, long ppm, long expected) =>
        Assert.Equal(expected, Micros.MulPpm(micros, ppm));

    [Fact]
    public void MulPpm_does_not_overflow_for_large_amounts()
    {
        // long.MaxValue × 10^6 overflows a long; the intermediate product must not.
        Assert.Equal(long.MaxValue, Micros.MulPpm(long.MaxValue, 1_000_000));
        Assert.Equal(long.MaxValue / 2, Micros.MulPpm(long.MaxValue, 500_000));
    }

    [Theory]
    [InlineData(5L, 2L, 2L)] // 2.5 → 2
    [InlineData(7L, 2L, 4L)] // 3.5 → 4
    [InlineData(-5L, 2L, -2L)] // -2.5 → -2
    [InlineData(10L, 3L, 3L)] // 3.33
    [InlineData(11L, 3L, 4L)] // 3.67
    [InlineData(0L, 7L, 0L)]
    [InlineData(long.MaxValue, 1L, long.MaxValue)]
    public void DivRound_divides_rounding_half_to_even(long numerator, long denominator, long expected) =>
        Assert.Equal(expected, Micros.DivRound(numerator, denominator));

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void DivRound_refuses_a_denominator_that_is_not_positive(long denominator) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Micros.DivRound(1, denominator));

    [Fact]
    public void ToUnits_inverts_FromUnits()
    {
        Assert.Equal(1.5, Micros.ToUnits(1_500_000));
        Assert.Equal(-0.000005, Micros.ToUnits(-5));
    }
}
