using ScottPlot;

namespace M2MSim.Analysis.Charts;

/// <summary>
/// One look for every chart: a size that reads well in a report and on its own, labels large
/// enough to read when the PNG is scaled down, and PNG bytes rendered headless (SkiaSharp's
/// self-contained Linux natives, so no X server or system Skia is needed).
/// </summary>
public static class ChartCanvas
{
    public const int Width = 1000;
    public const int Height = 520;

    public static Plot New(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title, size: 20);
        plot.XLabel(xLabel, size: 16);
        plot.YLabel(yLabel, size: 16);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Legend.FontSize = 13;
        return plot;
    }

    public static Color ColorOf(int index) => new ScottPlot.Palettes.Category10().GetColor(index);

    /// <summary>A line over ticks, in the reports' style: markers only while there are few points.</summary>
    public static ScottPlot.Plottables.Scatter TickLine(Plot plot, double[] x, double[] y, int color, string legend)
    {
        var line = plot.Add.Scatter(x, y, ColorOf(color));
        line.LegendText = legend;
        line.MarkerSize = x.Length > 60 ? 0 : 4;
        line.LineWidth = 2;
        return line;
    }

    /// <summary>Puts a line on the right axis, labelled as the left one is: for amounts of another scale.</summary>
    public static void OnRightAxis(Plot plot, ScottPlot.Plottables.Scatter line, string label)
    {
        line.LinePattern = ScottPlot.LinePattern.Dashed;
        line.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = label;
        plot.Axes.Right.Label.FontSize = 16;
        plot.Axes.Right.TickLabelStyle.FontSize = 13;
    }

    /// <summary>Places categories at 0, 1, … and labels those ticks with their names.</summary>
    public static void CategoryAxis(Plot plot, IReadOnlyList<string> categories)
    {
        var positions = Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, categories.ToArray());
        plot.Axes.SetLimitsX(-0.6, categories.Count - 0.4);
    }

    /// <summary>
    /// Draws a MathNet histogram as a density (count / (total · bin width)), so bars and fitted
    /// densities share one scale; <paramref name="total"/> includes values outside the bins.
    /// </summary>
    public static void DensityBars(Plot plot, MathNet.Numerics.Statistics.Histogram histogram, int total, string label)
    {
        var buckets = Enumerable.Range(0, histogram.BucketCount).Select(i => histogram[i]).ToArray();
        var bars = plot.Add.Bars(
            buckets.Select(b => (b.LowerBound + b.UpperBound) / 2).ToArray(),
            buckets.Select(b => b.Count / (total * b.Width)).ToArray());
        foreach (var (bar, bucket) in bars.Bars.Zip(buckets))
        {
            bar.Size = bucket.Width * 0.95;
            bar.FillColor = ColorOf(0).WithAlpha(0.45);
            bar.LineWidth = 0;
        }
        bars.LegendText = label;
    }

    public static ChartImage Render(Plot plot, string fileName, string title, string caption) =>
        new(fileName, title, caption, plot.GetImageBytes(Width, Height, ImageFormat.Png));
}
