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
        ChartCanvas.TickLine(plot, x, perTick.Select(r => (double)r.MoneySupply).ToArray(), 0, "money_supply (left axis)");
        var fees = ChartCanvas.TickLine(plot, x, perTick.Select(r => (double)r.FeesTotal).ToArray(), 3, "fees_total (right axis)");
        ChartCanvas.OnRightAxis(plot, fees, "fees collected (money units)");
        plot.ShowLegend(ScottPlot.Alignment.MiddleRight);
        return ChartCanvas.Render(plot, "money.png", "Money supply and fees",
            "ticks.csv: money_supply (Σ device balance + escrow) and fees_total (paid into the fee sink so far) against tick, first row of each tick.");
    }
}
