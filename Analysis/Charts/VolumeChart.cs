using M2MSim.Analysis.Results;

namespace M2MSim.Analysis.Charts;

/// <summary>Units traded per tick, one line per market.</summary>
public static class VolumeChart
{
    public static ChartImage Draw(IReadOnlyList<TickRecord> ticks)
    {
        var plot = ChartCanvas.New("Volume per tick", "tick", "units traded");
        var i = 0;
        foreach (var market in ticks.GroupBy(t => t.Resource))
        {
            var line = plot.Add.Scatter(market.Select(r => (double)r.Tick).ToArray(), market.Select(r => (double)r.Volume).ToArray(), ChartCanvas.ColorOf(i++));
            line.LegendText = market.Key;
            line.MarkerSize = market.Count() > 60 ? 0 : 4;
            line.LineWidth = 2;
        }
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        return ChartCanvas.Render(plot, "volume.png", "Volume per tick", "ticks.csv: volume against tick, one line per resource.");
    }
}
