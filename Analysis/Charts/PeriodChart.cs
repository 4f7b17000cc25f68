using M2MSim.Analysis.Metrics;

namespace M2MSim.Analysis.Charts;

/// <summary>Allocative efficiency or Smith's α per trading period, one line per market with an equilibrium.</summary>
public static class PeriodChart
{
    public static ChartImage Efficiency(IReadOnlyList<PeriodMetrics> periods) => Draw(periods, p => p.Efficiency * 100,
        "Allocative efficiency per trading period", "efficiency (% of maximum surplus)", "efficiency.png",
        "trades.csv: Σ quantity × (buyer_value − seller_cost) per market and period (tick ÷ manifest periods.length), divided by manifest equilibrium max_surplus.", 100);

    public static ChartImage Alpha(IReadOnlyList<PeriodMetrics> periods) => Draw(periods, p => p.SmithsAlpha,
        "Smith's α per trading period", "α (% RMS deviation of price from P0)", "alpha.png",
        "trades.csv: price and quantity per market and period against manifest equilibrium p0: α = 100 · √(Σ q (p − P0)² / Σ q) / P0.", null);

    private static ChartImage Draw(IReadOnlyList<PeriodMetrics> periods, Func<PeriodMetrics, double?> value, string title, string yLabel,
        string file, string caption, double? reference)
    {
        var plot = ChartCanvas.New(title, "trading period", yLabel);
        var i = 0;
        foreach (var market in periods.Where(p => p.P0 is not null).GroupBy(p => p.Resource))
        {
            var points = market.Where(p => value(p) is not null).ToArray();
            if (points.Length == 0) continue;
            var line = plot.Add.Scatter(points.Select(p => (double)p.Period).ToArray(), points.Select(p => value(p)!.Value).ToArray(), ChartCanvas.ColorOf(i++));
            line.LegendText = market.Key;
            line.MarkerSize = 7;
            line.LineWidth = 2;
        }
        if (reference is not null)
        {
            var full = plot.Add.HorizontalLine(reference.Value, 1.5f, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dashed);
            full.LegendText = "maximum";
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        return ChartCanvas.Render(plot, file, title, caption);
    }
}
