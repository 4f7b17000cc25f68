using M2MSim.Analysis.Statistics;

namespace M2MSim.Analysis.Charts;

/// <summary>The Lorenz curve of final wealth against the line of perfect equality.</summary>
public static class LorenzChart
{
    public static ChartImage Draw(LorenzCurve curve, double gini)
    {
        var plot = ChartCanvas.New("Lorenz curve of final wealth", "share of devices, poorest first", "share of total wealth");
        var equality = plot.Add.ScatterLine(new[] { 0.0, 1.0 }, new[] { 0.0, 1.0 }, ScottPlot.Colors.Gray);
        equality.LegendText = "perfect equality";
        equality.LinePattern = ScottPlot.LinePattern.Dashed;
        var lorenz = plot.Add.ScatterLine(curve.PopulationShare, curve.WealthShare, ChartCanvas.ColorOf(0));
        lorenz.LineWidth = 2.5f;
        lorenz.LegendText = $"Lorenz curve (Gini {gini:F3})";
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return ChartCanvas.Render(plot, "lorenz.png", "Lorenz curve of final wealth",
            $"devices.csv: balance + escrow per device, sorted ascending; cumulative share of the total. Gini {gini:F4} computed from the same column.");
    }
}
