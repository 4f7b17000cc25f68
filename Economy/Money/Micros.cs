using System.Globalization;

namespace M2MSim.Economy.Money;

/// <summary>
/// Money is an integer count of micro-units (<c>long</c>). Every conversion from a
/// floating-point amount happens here, so rounding is decided in one place.
/// </summary>
public static class Micros
{
    public const long PerUnit = 1_000_000;

    /// <summary>Rounds an amount in whole money units to micro-units (half to even).</summary>
    public static long FromUnits(double units)
    {
        if (double.IsNaN(units) || double.IsInfinity(units))
            throw new ArgumentOutOfRangeException(nameof(units), units, "Amount must be a finite number.");
        var scaled = Math.Round(units * PerUnit, MidpointRounding.ToEven);
        if (scaled > long.MaxValue / 4 || scaled < long.MinValue / 4)
            throw new ArgumentOutOfRangeException(nameof(units), units, "Amount is too large.");
        return (long)scaled;
    }

    public static double ToUnits(long micros) => micros / (double)PerUnit;

    /// <summary>Exact decimal text of an amount ("12.500000"), built from integers so it never drifts.</summary>
    public static string Format(long micros)
    {
        var sign = micros < 0 ? "-" : "";
        var abs = micros < 0 ? -(decimal)micros : micros;
        var whole = decimal.Truncate(abs / PerUnit);
        var frac = abs - whole * PerUnit;
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{whole}.{frac:000000}");
    }

    /// <summary>Multiplies an amount by a rate given in parts per million, rounding down.</summary>
    public static long MulPpm(long micros, long ppm) => (long)((Int128)micros * ppm / 1_000_000);

    /// <summary>Integer division rounded half to even, for averages of micro-unit amounts.</summary>
    public static long DivRound(long numerator, long denominator)
    {
        if (denominator <= 0) throw new ArgumentOutOfRangeException(nameof(denominator));
        return (long)Math.Round((decimal)numerator / denominator, MidpointRounding.ToEven);
    }
}
