using System.Globalization;

namespace M2MSim.Simulator.Sweeps;

/// <summary>
/// <c>from:to:step</c>, inclusive. Decimal arithmetic, so 0:0.3:0.1 ends at exactly 0.3 (doubles
/// would stop at 0.2, or print 0.30000000000000004), and each value is written in its shortest form.
/// </summary>
public static class NumericRange
{
    /// <summary>A range has colons outside any YAML flow collection: <c>{uniform: [1, 2]}</c> is a value, not a range.</summary>
    public static bool IsRange(string text) => text.Contains(':', StringComparison.Ordinal) && text[0] is not ('{' or '[' or '"' or '\'');

    /// <exception cref="SweepException">Not three numbers, a step ≤ 0, an empty range, or more than <paramref name="limit"/> values.</exception>
    public static IReadOnlyList<string> Expand(string path, string text, int limit)
    {
        var parts = text.Split(':');
        if (parts.Length != 3 || !TryParse(parts[0], out var from) || !TryParse(parts[1], out var to) || !TryParse(parts[2], out var step))
            throw new SweepException($"--vary {path}: '{text}' is not a range; write from:to:step with three numbers, e.g. 10:50:10.");
        if (step <= 0) throw new SweepException($"--vary {path}: the step of '{text}' must be positive.");
        if (to < from) throw new SweepException($"--vary {path}: the range '{text}' is empty (from is greater than to).");
        if (Count(from, to, step) >= limit) throw new SweepException($"--vary {path}: the range '{text}' has more than {limit:N0} values.");
        var values = new List<string>();
        for (var i = 0; from + i * step <= to; i++) values.Add(Format(from + i * step));
        return values;
    }

    /// <summary>Steps in the range, or decimal's maximum when the quotient overflows (a range far too large).</summary>
    private static decimal Count(decimal from, decimal to, decimal step)
    {
        try
        {
            return (to - from) / step;
        }
        catch (OverflowException)
        {
            return decimal.MaxValue;
        }
    }

    private static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>2.0 → "2", 0.50 → "0.5": an integer key must get an integer.</summary>
    private static string Format(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
