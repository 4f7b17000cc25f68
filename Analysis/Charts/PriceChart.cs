using M2MSim.Analysis.Results;

namespace M2MSim.Analysis.Charts;

/// <summary>One market's price over ticks: the traded mean price with the best bid and ask left standing at the close.</summary>
public static class PriceChart
{
    public static ChartImage Draw(string resource, IReadOnlyList<TickRecord> rows)
    {
        var plot = ChartCanvas.New($"Price of {resource} per tick", "tick", "price (money per unit)");
        // A tick without trades has no price and a side without orders has no quote (the CSV writes 0):
        // those points are left out rather than drawn as a fall to zero.
        Series(plot, rows.Where(r => r.BestBid > 0), r => r.BestBid, "best bid", 1);
        Series(plot, rows.Where(r => r.BestAsk > 0), r => r.BestAsk, "best ask", 3);
        Series(plot, rows.Where(r => r.Volume > 0), r => r.MeanPrice, "mean trade price", 0);
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        return ChartCanvas.Render(plot, $"price-{resource}.png", $"Price of {resource}",
            $"ticks.csv rows with resource = {resource}: mean_price (volume-weighted, ticks with volume > 0), best_bid and best_ask (ticks where they are non-zero), against tick.");
    }

    private static void Series(ScottPlot.Plot plot, IEnumerable<TickRecord> rows, Func<TickRecord, decimal> value, string label, int color)
    {
        var points = rows.ToArray();
        if (points.Length == 0) return;
        var line = plot.Add.Scatter(points.Select(r => (double)r.Tick).ToArray(), points.Select(r => (double)value(r)).ToArray(), ChartCanvas.ColorOf(color));
        line.LegendText = label;
        line.MarkerSize = points.Length > 60 ? 0 : 4;
        line.LineWidth = 2;
    }
}
