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

    /// <summary>Places categories at 0, 1, … and labels those ticks with their names.</summary>
    public static void CategoryAxis(Plot plot, IReadOnlyList<string> categories)
    {
        var positions = Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, categories.ToArray());
        plot.Axes.SetLimitsX(-0.6, categories.Count - 0.4);
    }

    public static ChartImage Render(Plot plot, string fileName, string title, string caption) =>
        new(fileName, title, caption, plot.GetImageBytes(Width, Height, ImageFormat.Png));
}
