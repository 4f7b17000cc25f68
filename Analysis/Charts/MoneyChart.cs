using M2MSim.Analysis.Results;

namespace M2MSim.Analysis.Charts;

/// <summary>
/// The money supply held by devices and the fees collected so far. Fees are a small fraction of the
/// supply, so they get their own axis on the right; otherwise their line would lie flat on zero.
/// </summary>
public static class MoneyChart
{
    public static ChartImage Draw(IReadOnlyList<TickRecord> ticks)
    {
        var perTick = ticks.OnePerTick();
        var x = perTick.Select(r => (double)r.Tick).ToArray();
        var plot = ChartCanvas.New("Money supply and fees collected", "tick", "money supply (money units)");
        var supply = plot.Add.Scatter(x, perTick.Select(r => (double)r.MoneySupply).ToArray(), ChartCanvas.ColorOf(0));
        supply.LegendText = "money_supply (left axis)";
        supply.MarkerSize = perTick.Length > 60 ? 0 : 4;
        supply.LineWidth = 2;
        var fees = plot.Add.Scatter(x, perTick.Select(r => (double)r.FeesTotal).ToArray(), ChartCanvas.ColorOf(3));
        fees.LegendText = "fees_total (right axis)";
        fees.MarkerSize = supply.MarkerSize;
        fees.LineWidth = 2;
        fees.LinePattern = ScottPlot.LinePattern.Dashed;
        fees.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "fees collected (money units)";
        plot.Axes.Right.Label.FontSize = 16;
        plot.Axes.Right.TickLabelStyle.FontSize = 13;
        plot.ShowLegend(ScottPlot.Alignment.MiddleRight);
        return ChartCanvas.Render(plot, "money.png", "Money supply and fees",
            "ticks.csv: money_supply (Σ device balance + escrow) and fees_total (paid into the fee sink so far) against tick, first row of each tick.");
    }
}
