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
            ChartCanvas.CategoryAxis(plot, labels);
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
        if (numericAxis) plot.Axes.Margins(horizontal: 0.1, vertical: 0.15);
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return ChartCanvas.Render(plot, fileName, title, caption);
    }
}
