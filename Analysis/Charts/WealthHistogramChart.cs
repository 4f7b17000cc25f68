using M2MSim.Analysis.Metrics;
using M2MSim.Analysis.Statistics;
using MathNet.Numerics.Statistics;

namespace M2MSim.Analysis.Charts;

/// <summary>
/// The final wealth distribution as a density histogram with the fitted exponential and log-normal
/// densities drawn over it. Wealth is heavy-tailed, so the bins stop at the 99th percentile and the
/// caption says how many devices lie beyond; otherwise a few rich devices squash every bar into one.
/// </summary>
public static class WealthHistogramChart
{
    private const int Bins = 40;

    public static ChartImage Draw(IReadOnlyList<double> wealth, ExponentialFit exponential, LogNormalFit? logNormal)
    {
        var upper = Math.Max(wealth.Quantile(0.99), 1e-9);
        var beyond = wealth.Count(w => w > upper);
        var histogram = new Histogram(wealth.Where(w => w <= upper), Bins, 0, upper);
        var plot = ChartCanvas.New("Distribution of final wealth", "wealth (money units)", "density (share of devices per money unit)");

        ChartCanvas.DensityBars(plot, histogram, wealth.Count, "devices.csv balance + escrow");

        var xs = Enumerable.Range(0, 401).Select(i => upper * i / 400).ToArray();
        var exp = plot.Add.ScatterLine(xs, xs.Select(exponential.Density).ToArray(), ChartCanvas.ColorOf(3));
        exp.LineWidth = 2.5f;
        exp.LegendText = $"exponential, rate {exponential.Rate:G4} (KS D {exponential.KsStatistic:F3})";
        if (logNormal is not null)
        {
            // The log-normal was fitted to positive wealth only; scale its density by that share so
            // both curves describe the whole population, as the bars do.
            var share = (double)logNormal.Count / wealth.Count;
            var ln = plot.Add.ScatterLine(xs, xs.Select(x => share * logNormal.Density(x)).ToArray(), ChartCanvas.ColorOf(2));
            ln.LineWidth = 2.5f;
            ln.LinePattern = ScottPlot.LinePattern.Dashed;
            ln.LegendText = $"log-normal, μ {logNormal.Mu:F3}, σ {logNormal.Sigma:F3} (KS D {logNormal.KsStatistic:F3})";
        }
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsX(0, upper);
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        return ChartCanvas.Render(plot, "wealth-histogram.png", "Distribution of final wealth",
            $"devices.csv: balance + escrow per device, {Bins} bins from 0 to the 99th percentile ({upper:G6}); {beyond} device(s) above it are not drawn but are in the fits. " +
            "Densities of the fitted exponential (maximum likelihood) and log-normal (mean and sd of ln w) distributions.");
    }
}
