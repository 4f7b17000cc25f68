using M2MSim.Analysis.Results;

namespace M2MSim.Analysis.Charts;

/// <summary>
/// The settlement ledger over the run: transactions submitted per tick and those still waiting to
/// be spendable (a chain's backlog), with the reward pool and the chain fees paid into it on the
/// right axis. Drawn only for runs with a ledger or a pool.
/// </summary>
public static class LedgerChart
{
    public static ChartImage Draw(IReadOnlyList<TickRecord> ticks)
    {
        var perTick = ticks.OnePerTick();
        var x = perTick.Select(r => (double)r.Tick).ToArray();
        var markers = perTick.Length > 60 ? 0 : 4;
        var plot = ChartCanvas.New("Settlement ledger", "tick", "transactions");
        var submitted = plot.Add.Scatter(x, perTick.Select(r => (double)r.LedgerTx).ToArray(), ChartCanvas.ColorOf(0));
        submitted.LegendText = "ledger_tx, submitted in the tick (left axis)";
        var waiting = plot.Add.Scatter(x, perTick.Select(r => (double)r.UnconfirmedTx).ToArray(), ChartCanvas.ColorOf(1));
        waiting.LegendText = "unconfirmed_tx, not yet spendable (left axis)";
        var pool = plot.Add.Scatter(x, perTick.Select(r => (double)r.RewardPool).ToArray(), ChartCanvas.ColorOf(2));
        pool.LegendText = "reward_pool (right axis)";
        var fees = plot.Add.Scatter(x, perTick.Select(r => (double)r.LedgerFeesTotal).ToArray(), ChartCanvas.ColorOf(3));
        fees.LegendText = "ledger_fees_total (right axis)";
        foreach (var line in new[] { submitted, waiting, pool, fees })
        {
            line.MarkerSize = markers;
            line.LineWidth = 2;
        }
        foreach (var money in new[] { pool, fees })
        {
            money.LinePattern = ScottPlot.LinePattern.Dashed;
            money.Axes.YAxis = plot.Axes.Right;
        }
        plot.Axes.Right.Label.Text = "money units";
        plot.Axes.Right.Label.FontSize = 16;
        plot.Axes.Right.TickLabelStyle.FontSize = 13;
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return ChartCanvas.Render(plot, "ledger.png", "Settlement ledger",
            "ticks.csv: ledger_tx and unconfirmed_tx (left), reward_pool and ledger_fees_total (right) against tick, first row of each tick.");
    }
}
