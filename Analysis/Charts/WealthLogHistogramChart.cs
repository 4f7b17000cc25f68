using M2MSim.Analysis.Metrics;
using M2MSim.Analysis.Statistics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace M2MSim.Analysis.Charts;

/// <summary>
/// The final wealth distribution on a logarithmic wealth axis: a density histogram of log₁₀ wealth
/// with both fits transformed to that scale. Simulated wealth often spans several decades, and on a
/// linear axis everything but the first bins is invisible; here the body and the tail both show,
/// and a log-normal fit is a bell curve. Devices with zero wealth have no logarithm and are counted
/// in the caption.
/// </summary>
public static class WealthLogHistogramChart
{
    private const int Bins = 40;

    public static ChartImage Draw(IReadOnlyList<double> wealth, ExponentialFit exponential, LogNormalFit? logNormal)
    {
        var logs = wealth.Where(w => w > 0).Select(Math.Log10).ToArray();
        var zeros = wealth.Count - logs.Length;
        var lower = Math.Floor(logs.Minimum() * 2) / 2;
        var upper = Math.Ceiling(logs.Maximum() * 2) / 2;
        if (upper <= lower) upper = lower + 0.5;
        var histogram = new Histogram(logs, Bins, lower, upper);
        var plot = ChartCanvas.New("Distribution of final wealth (logarithmic axis)", "wealth (money units, log scale)", "density (share of devices per decade)");

        ChartCanvas.DensityBars(plot, histogram, wealth.Count, "devices.csv balance + escrow");

        // A density f(w) becomes f(10^y) · 10^y · ln 10 per unit of y = log₁₀ w.
        var ys = Enumerable.Range(0, 401).Select(i => lower + (upper - lower) * i / 400).ToArray();
        var exp = plot.Add.ScatterLine(ys, ys.Select(y => exponential.Density(Math.Pow(10, y)) * Math.Pow(10, y) * Math.Log(10)).ToArray(), ChartCanvas.ColorOf(3));
        exp.LineWidth = 2.5f;
        exp.LegendText = $"exponential, rate {exponential.Rate:G4}";
        if (logNormal is not null)
        {
            // ln w ~ N(μ, σ) means log₁₀ w ~ N(μ / ln 10, σ / ln 10); scaled by the share of positive wealth.
            var share = (double)logNormal.Count / wealth.Count;
            var ln = plot.Add.ScatterLine(ys, ys.Select(y => share * Normal.PDF(logNormal.Mu / Math.Log(10), logNormal.Sigma / Math.Log(10), y)).ToArray(), ChartCanvas.ColorOf(2));
            ln.LineWidth = 2.5f;
            ln.LinePattern = ScottPlot.LinePattern.Dashed;
            ln.LegendText = $"log-normal, μ {logNormal.Mu:F3}, σ {logNormal.Sigma:F3}";
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = y => Math.Pow(10, y).ToString("G6", System.Globalization.CultureInfo.InvariantCulture),
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        };
        plot.Axes.Margins(bottom: 0);
        // A little room past the last decade so its tick label is not cut at the image's edge.
        plot.Axes.SetLimitsX(lower - 0.1, upper + 0.2);
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return ChartCanvas.Render(plot, "wealth-histogram-log.png", "Distribution of final wealth, logarithmic axis",
            $"devices.csv: log₁₀ of balance + escrow per device with positive wealth, {Bins} bins; {zeros} device(s) with zero wealth are not drawn. " +
            "Densities of the same fits, transformed to the log scale.");
    }
}
