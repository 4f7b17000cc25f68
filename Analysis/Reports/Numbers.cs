using System.Globalization;
using M2MSim.Analysis.Statistics;

namespace M2MSim.Analysis.Reports;

/// <summary>How numbers are written in reports and compare.csv: invariant culture, never the machine's locale.</summary>
public static class Numbers
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A money amount exactly as the CSV file has it (decimal keeps the six places it was read with).</summary>
    public static string Exact(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Real(double value, int significant = 6) =>
        double.IsNaN(value) ? "" : value.ToString("G" + significant, CultureInfo.InvariantCulture);

    public static string Fixed(double? value, int decimals) =>
        value is null || double.IsNaN(value.Value) ? "—" : value.Value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    /// <summary>"[low, high]", or why there is none.</summary>
    public static string Interval(MeanInterval m) => m.N switch
    {
        0 => "no values",
        1 => "n = 1: no interval",
        _ => $"[{Real(m.Lower!.Value)}, {Real(m.Upper!.Value)}]",
    };

    /// <summary>p-values: small ones in scientific notation so they do not read as 0.</summary>
    public static string P(double p) => p < 1e-4 ? p.ToString("0.00E+0", CultureInfo.InvariantCulture) : p.ToString("F4", CultureInfo.InvariantCulture);
}
