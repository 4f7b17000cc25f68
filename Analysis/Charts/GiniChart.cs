using M2MSim.Analysis.Results;

namespace M2MSim.Analysis.Charts;

/// <summary>Inequality of device wealth at each tick barrier.</summary>
public static class GiniChart
{
    public static ChartImage Draw(IReadOnlyList<TickRecord> ticks)
    {
        var perTick = ticks.OnePerTick();
        var plot = ChartCanvas.New("Gini coefficient of wealth per tick", "tick", "Gini (0 = equal, 1 = one holds all)");
        ChartCanvas.TickLine(plot, perTick.Select(r => (double)r.Tick).ToArray(), perTick.Select(r => r.Gini).ToArray(), 2, "gini");
        plot.Axes.SetLimitsY(0, 1);
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        return ChartCanvas.Render(plot, "gini.png", "Gini per tick", "ticks.csv: gini (wealth = balance + escrow at the barrier) against tick, first row of each tick.");
    }
}
