using System.Globalization;
using CsvHelper;

namespace M2MSim.Analysis.Sweeps;

/// <summary>
/// compare.csv (means and intervals, one row per metric and parameter value or grid point) and
/// compare-tests.csv (Welch's test per metric and two-valued parameter) and compare-trends.csv (a
/// least-squares line per metric and numeric parameter with three or more values), tidy and invariant like
/// the simulator's own files. Numbers are written round-trip so they can be checked exactly.
/// </summary>
public static class CompareCsv
{
    public static string Means(SweepComparison c)
    {
        var parameters = c.Sweep.Definition.Parameters.Select(p => p.Path).ToArray();
        return Write(csv =>
        {
            foreach (var h in new[] { "metric", "scope", "point" }.Concat(parameters).Concat(["runs", "failed", "missing", "n", "mean", "sd", "ci95_low", "ci95_high"]))
                csv.WriteField(h);
            csv.NextRecord();
            foreach (var level in c.Levels)
                Row(csv, level.Metric, "parameter", "", parameters.Select(p => p == level.Parameter ? level.Value : ""), level.Group);
            foreach (var point in c.Points)
                Row(csv, point.Metric, "point", point.Point, parameters.Select(p => point.Settings[p]), point.Group);
        });
    }

    public static string Tests(SweepComparison c) => Write(csv =>
    {
        foreach (var h in new[] { "metric", "parameter", "value_a", "value_b", "n_a", "n_b", "mean_a", "mean_b", "difference", "welch_t", "welch_df", "welch_p", "paired_n", "paired_t", "paired_p" })
            csv.WriteField(h);
        csv.NextRecord();
        foreach (var t in c.Tests)
        {
            csv.WriteField(t.Metric);
            csv.WriteField(t.Parameter);
            csv.WriteField(t.A.Value);
            csv.WriteField(t.B.Value);
            csv.WriteField(t.A.Group.Stats.N);
            csv.WriteField(t.B.Group.Stats.N);
            csv.WriteField(Number(t.A.Group.Stats.Mean));
            csv.WriteField(Number(t.B.Group.Stats.Mean));
            csv.WriteField(Number(t.A.Group.Stats.Mean - t.B.Group.Stats.Mean));
            csv.WriteField(Number(t.Test?.T));
            csv.WriteField(Number(t.Test?.DegreesOfFreedom));
            csv.WriteField(Number(t.Test?.PValue));
            csv.WriteField(t.Paired?.N.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(Number(t.Paired?.T));
            csv.WriteField(Number(t.Paired?.PValue));
            csv.NextRecord();
        }
    });

    public static string Trends(SweepComparison c) => Write(csv =>
    {
        foreach (var h in new[] { "metric", "parameter", "n", "slope", "intercept", "r_squared", "slope_se", "slope_t", "slope_p" })
            csv.WriteField(h);
        csv.NextRecord();
        foreach (var t in c.Trends)
        {
            csv.WriteField(t.Metric);
            csv.WriteField(t.Parameter);
            csv.WriteField(t.Fit?.N.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(Number(t.Fit?.Slope));
            csv.WriteField(Number(t.Fit?.Intercept));
            csv.WriteField(Number(t.Fit?.RSquared));
            csv.WriteField(Number(t.Fit?.SlopeStandardError));
            csv.WriteField(Number(t.Fit?.T));
            csv.WriteField(Number(t.Fit?.PValue));
            csv.NextRecord();
        }
    });

    private static void Row(CsvWriter csv, string metric, string scope, string point, IEnumerable<string> settings, RunGroup g)
    {
        csv.WriteField(metric);
        csv.WriteField(scope);
        csv.WriteField(point);
        foreach (var s in settings) csv.WriteField(s);
        csv.WriteField(g.Runs);
        csv.WriteField(g.Failed);
        csv.WriteField(g.Missing);
        csv.WriteField(g.Stats.N);
        csv.WriteField(Number(g.Stats.Mean));
        csv.WriteField(Number(g.Stats.StdDev));
        csv.WriteField(Number(g.Stats.Lower));
        csv.WriteField(Number(g.Stats.Upper));
        csv.NextRecord();
    }

    /// <summary>Empty for "no value" (n = 0, or no interval at n = 1), as in sweep.csv.</summary>
    private static string Number(double? v) => v is null || double.IsNaN(v.Value) ? "" : v.Value.ToString("R", CultureInfo.InvariantCulture);

    private static string Write(Action<CsvWriter> body)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var csv = new CsvWriter(text, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }))
        {
            body(csv);
        }
        return text.ToString();
    }
}
