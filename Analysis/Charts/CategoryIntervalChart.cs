using M2MSim.Analysis.Statistics;

namespace M2MSim.Analysis.Charts;

/// <summary>
/// Means with 95 % confidence intervals at a set of categories or numeric settings: per device type
/// in a run report, per parameter value in a sweep comparison. Points without an interval (n = 1)
/// are drawn without whiskers.
/// </summary>
public static class CategoryIntervalChart
{
    public static ChartImage Draw(IReadOnlyList<string> labels, IReadOnlyList<MeanInterval> values, bool numericAxis,
        string title, string xLabel, string yLabel, string fileName, string caption)
    {
        var plot = ChartCanvas.New(title, xLabel, yLabel);
        double[] xs;
        if (numericAxis)
        {
            xs = labels.Select(l => double.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }
        else
        {
            xs = Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray();
        }
        var shown = Enumerable.Range(0, labels.Count).Where(i => values[i].N > 0).ToArray();
        var color = ChartCanvas.ColorOf(0);
        var errors = plot.Add.ErrorBar(shown.Select(i => xs[i]).ToArray(), shown.Select(i => values[i].Mean).ToArray(),
            shown.Select(i => values[i].HalfWidth ?? 0).ToArray());
        errors.Color = color;
        errors.LineWidth = 2;
        errors.LegendText = "95 % confidence interval (Student t)";
        var means = plot.Add.ScatterPoints(shown.Select(i => xs[i]).ToArray(), shown.Select(i => values[i].Mean).ToArray(), color);
        means.MarkerSize = 10;
        means.LegendText = "mean";
        if (numericAxis && shown.Length > 1)
        {
            var join = plot.Add.ScatterLine(shown.Select(i => xs[i]).ToArray(), shown.Select(i => values[i].Mean).ToArray(), color);
            join.LinePattern = ScottPlot.LinePattern.Dotted;
        }
        // Fit the axis to the whiskers, not just the means, with a little room above and below.
        var low = shown.Select(i => values[i].Lower ?? values[i].Mean).DefaultIfEmpty(0).Min();
        var high = shown.Select(i => values[i].Upper ?? values[i].Mean).DefaultIfEmpty(1).Max();
        var pad = high > low ? (high - low) * 0.12 : Math.Max(Math.Abs(high) * 0.1, 1e-9);
        plot.Axes.SetLimitsY(low - pad, high + pad);
        if (numericAxis)
        {
            var left = xs.Min();
            var right = xs.Max();
            var room = right > left ? (right - left) * 0.08 : Math.Max(Math.Abs(right) * 0.1, 1);
            plot.Axes.SetLimitsX(left - room, right + room);
        }
        else
        {
            ChartCanvas.CategoryAxis(plot, labels);
        }
        // Below the axes, where it can never hide a whisker.
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        return ChartCanvas.Render(plot, fileName, title, caption);
    }
}
