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
        var plot = ChartCanvas.New("Settlement ledger", "tick", "transactions");
        ChartCanvas.TickLine(plot, x, perTick.Select(r => (double)r.LedgerTx).ToArray(), 0, "ledger_tx, submitted in the tick (left axis)");
        ChartCanvas.TickLine(plot, x, perTick.Select(r => (double)r.UnconfirmedTx).ToArray(), 1, "unconfirmed_tx, not yet spendable (left axis)");
        var pool = ChartCanvas.TickLine(plot, x, perTick.Select(r => (double)r.RewardPool).ToArray(), 2, "reward_pool (right axis)");
        var fees = ChartCanvas.TickLine(plot, x, perTick.Select(r => (double)r.LedgerFeesTotal).ToArray(), 3, "ledger_fees_total (right axis)");
        ChartCanvas.OnRightAxis(plot, pool, "money units");
        ChartCanvas.OnRightAxis(plot, fees, "money units");
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return ChartCanvas.Render(plot, "ledger.png", "Settlement ledger",
            "ticks.csv: ledger_tx and unconfirmed_tx (left), reward_pool and ledger_fees_total (right) against tick, first row of each tick.");
    }
}
