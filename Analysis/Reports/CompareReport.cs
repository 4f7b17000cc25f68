using System.Text;
using System.Text.RegularExpressions;
using M2MSim.Analysis.Charts;
using M2MSim.Analysis.Results;
using M2MSim.Analysis.Sweeps;

namespace M2MSim.Analysis.Reports;

/// <summary>
/// The comparison of a sweep: for each metric and varied parameter, means with 95 % intervals at
/// each value (a table and a chart), Welch's test where there are two values, and the means at
/// every grid point; compare.csv and compare-tests.csv carry the same numbers unrounded.
/// </summary>
public static partial class CompareReport
{
    public static ReportBundle Build(string folder, IReadOnlyList<string> requestedMetrics)
    {
        var sweep = SweepResults.Read(folder);
        var unknown = requestedMetrics.Except(sweep.MetricNames).ToArray();
        if (unknown.Length > 0)
            throw new ResultFileException($"{Path.Combine(folder, "sweep.csv")}: no metric column {string.Join(", ", unknown)}; " +
                $"its metrics are {string.Join(", ", sweep.MetricNames)}.");
        var metrics = requestedMetrics.Count > 0 ? requestedMetrics.Distinct().ToArray() : sweep.MetricNames;
        var comparison = SweepComparison.Of(sweep, metrics);

        var charts = new List<ChartImage>();
        var html = new HtmlReport($"Sweep comparison: {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)))}");
        Overview(html, sweep);
        foreach (var metric in metrics)
        {
            html.Heading(2, $"Metric {metric}");
            foreach (var parameter in sweep.Definition.Parameters)
                ByParameter(html, charts, comparison, metric, parameter);
            ByPoint(html, comparison, metric);
        }
        return new ReportBundle("compare.html", html.Build(), charts,
        [
            ("compare.csv", Encoding.UTF8.GetBytes(CompareCsv.Means(comparison))),
            ("compare-tests.csv", Encoding.UTF8.GetBytes(CompareCsv.Tests(comparison))),
            ("compare-trends.csv", Encoding.UTF8.GetBytes(CompareCsv.Trends(comparison))),
        ]);
    }

    private static void Overview(HtmlReport html, SweepResults sweep)
    {
        var d = sweep.Definition;
        var failed = sweep.Runs.Count(r => !r.Completed);
        html.Paragraph($"Sweep folder {Path.GetFullPath(sweep.Folder)}; numbers from sweep.csv, the design from sweep.json.", note: true);
        html.Heading(2, "Sweep").Table(["quantity", "value", "source"],
        [
            ["scenario", d.Scenario ?? "—", "sweep.json scenario"],
            ["replications per grid point", Numbers.Count(d.Replications), "sweep.json replications"],
            ["grid points", Numbers.Count(d.Points), "product of the parameters' value counts"],
            .. d.Parameters.Select(p => (IReadOnlyList<string>)[$"parameter {p.Path}", string.Join(", ", p.Values), "sweep.json parameters"]),
            ["runs", Numbers.Count(sweep.Runs.Count), "rows of sweep.csv"],
            ["completed", Numbers.Count(sweep.Runs.Count - failed), "sweep.csv outcome = completed"],
            ["failed (left out of every statistic)", Numbers.Count(failed), "sweep.csv outcome = failed"],
        ], "The sweep's design and outcome.", id: "sweep");
        html.Paragraph("Means are over completed runs with a value (an empty cell is missing, not zero). Intervals are two-sided 95 % Student-t " +
            "intervals with n − 1 degrees of freedom; with n = 1 there is no interval. Values of one parameter pool every run at that value, " +
            "whatever the other parameters were. Where a parameter has exactly two values, Welch's t-test (unequal variances, two-sided) compares them; " +
            "where a numeric parameter has three or more, a least-squares line over every run gives the trend, its R² and the slope's p-value (Student t, n − 2 df).", note: true);
    }

    private static void ByParameter(HtmlReport html, List<ChartImage> charts, SweepComparison c, string metric, SweepParameter parameter)
    {
        var levels = c.Levels.Where(l => l.Metric == metric && l.Parameter == parameter.Path).ToArray();
        html.Heading(3, $"{metric} by {parameter.Path}");
        html.Table([parameter.Path, "runs", "failed", "missing", "n", "mean", "sd", "95 % CI"],
            levels.Select(l => (IReadOnlyList<string>)[l.Value, Numbers.Count(l.Group.Runs), Numbers.Count(l.Group.Failed), Numbers.Count(l.Group.Missing),
                Numbers.Count(l.Group.Stats.N), Numbers.Real(l.Group.Stats.Mean), Numbers.Real(l.Group.Stats.StdDev), Numbers.Interval(l.Group.Stats)]),
            $"sweep.csv column {metric} grouped by column {parameter.Path}, pooled over the other parameters.", id: $"{metric}|{parameter.Path}");
        var test = c.Tests.SingleOrDefault(t => t.Metric == metric && t.Parameter == parameter.Path);
        if (test is not null)
        {
            html.Paragraph(test.Test is { } w
                ? $"Welch's t-test, {parameter.Path} = {test.A.Value} vs {test.B.Value}: difference of means {Numbers.Real(w.Difference)}, " +
                  $"t = {Numbers.Real(w.T, 4)}, df = {Numbers.Real(w.DegreesOfFreedom, 4)}, p = {Numbers.P(w.PValue)}" +
                  (w.PValue < 0.05 ? " (significant at 5 %)." : " (not significant at 5 %).")
                : $"Welch's t-test, {parameter.Path} = {test.A.Value} vs {test.B.Value}: not possible (each side needs at least two values and some variation).");
            html.Paragraph(test.Paired is { } pt
                ? $"Paired t-test over {Numbers.Count(pt.N)} pairs of runs alike in every other setting and in seed (common random numbers): " +
                  $"mean difference {Numbers.Real(pt.MeanDifference)}, t = {Numbers.Real(pt.T, 4)}, p = {Numbers.P(pt.PValue)}" +
                  (pt.PValue < 0.05 ? " (significant at 5 %)." : " (not significant at 5 %).")
                : "Paired t-test: not possible (it needs two pairs of runs alike in every other setting and seed, whose differences vary).");
        }
        var trend = c.Trends.SingleOrDefault(t => t.Metric == metric && t.Parameter == parameter.Path);
        if (trend is not null)
        {
            html.Paragraph(trend.Fit is { } f
                ? $"Linear trend over {Numbers.Count(f.N)} runs: {metric} ≈ {Numbers.Real(f.Intercept)} + {Numbers.Real(f.Slope)} × {parameter.Path} " +
                  $"(slope standard error {Numbers.Real(f.SlopeStandardError)}, R² = {Numbers.Real(f.RSquared, 4)}, p = {Numbers.P(f.PValue)} for a zero slope)."
                : $"Linear trend in {parameter.Path}: not possible (it needs three runs, two distinct values and some variation in {metric}).");
        }
        if (levels.All(l => l.Group.Stats.N == 0))
        {
            html.Paragraph($"No completed run has a value of {metric}, so there is no chart.", note: true);
            return;
        }
        var chart = CategoryIntervalChart.Draw(levels.Select(l => l.Value).ToArray(), levels.Select(l => l.Group.Stats).ToArray(), parameter.IsNumeric,
            $"{metric} by {parameter.Path}", parameter.Path, $"mean of {metric}", $"{Safe(metric)}-by-{Safe(parameter.Path)}.png",
            $"sweep.csv: mean of {metric} at each value of {parameter.Path} with a 95 % Student-t interval (none where n = 1).");
        charts.Add(chart);
        html.Figure(chart);
    }

    private static void ByPoint(HtmlReport html, SweepComparison c, string metric)
    {
        var parameters = c.Sweep.Definition.Parameters.Select(p => p.Path).ToArray();
        html.Heading(3, $"{metric} at each grid point").Table(
            ["point", .. parameters, "runs", "failed", "missing", "n", "mean", "sd", "95 % CI"],
            c.Points.Where(p => p.Metric == metric).Select(p => (IReadOnlyList<string>)[p.Point, .. parameters.Select(x => p.Settings[x]),
                Numbers.Count(p.Group.Runs), Numbers.Count(p.Group.Failed), Numbers.Count(p.Group.Missing), Numbers.Count(p.Group.Stats.N),
                Numbers.Real(p.Group.Stats.Mean), Numbers.Real(p.Group.Stats.StdDev), Numbers.Interval(p.Group.Stats)]),
            $"sweep.csv column {metric} grouped by column point, over its replications.", id: $"{metric}|point");
    }

    /// <summary>File names from column names: keep letters, digits, '.', '-' and '_' (so markets[0].fee becomes markets_0_.fee).</summary>
    private static string Safe(string name) => UnsafeCharacters().Replace(name, "_");

    [GeneratedRegex(@"[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeCharacters();
}
