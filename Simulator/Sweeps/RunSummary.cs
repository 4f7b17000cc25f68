using M2MSim.Analysis.Metrics;
using M2MSim.Analysis.Results;

namespace M2MSim.Simulator.Sweeps;

/// <summary>
/// A completed run in a few numbers, read back from its folder (never from memory), so a resumed
/// sweep summarises runs made by an earlier process exactly as it summarises its own.
/// </summary>
/// <param name="FeesTotal">Fees charged over the run: Σ fees of ticks.csv (the last tick's are paid at settlement).</param>
/// <param name="MoneySupply">Σ device wealth at the last tick's barrier.</param>
/// <param name="Efficiency">Σ realised ÷ Σ maximum surplus over every market and period with a competitive equilibrium; null without one or without trades.csv.</param>
/// <param name="MeanPrices">Volume-weighted mean price per resource over the run; absent when the resource has no market or never traded.</param>
public sealed record RunSummary(
    long Trades,
    long Volume,
    decimal FeesTotal,
    decimal MoneySupply,
    double GiniFinal,
    double GiniMean,
    double? Efficiency,
    IReadOnlyDictionary<string, double> MeanPrices)
{
    public static RunSummary Of(string folder)
    {
        RunFolderReader.RequireCompleted(folder);
        var ticks = RunFolderReader.ReadTicks(folder);
        var markets = MarketSummary.Of(ticks);
        // Economy-wide columns repeat on every market row of a tick: one value per tick.
        var perTick = ticks.GroupBy(t => t.Tick).Select(g => g.First()).ToArray();
        return new RunSummary(
            markets.Sum(m => m.Trades), markets.Sum(m => m.Volume), ticks.Sum(t => t.Fees), perTick[^1].MoneySupply,
            perTick[^1].Gini, perTick.Average(t => t.Gini), MeasureEfficiency(folder),
            markets.Where(m => m.Volume > 0).ToDictionary(m => m.Resource, m => m.MeanPrice));
    }

    private static double? MeasureEfficiency(string folder)
    {
        var manifest = RunManifest.Read(folder);
        if (manifest.Equilibria.Count == 0 || !File.Exists(Path.Combine(folder, "trades.csv"))) return null;
        var measured = MarketMetrics.Compute(manifest, RunFolderReader.ReadTrades(folder)).Where(p => p.MaxSurplus is not null).ToArray();
        var maximum = measured.Sum(p => p.MaxSurplus!.Value);
        return maximum > 0 ? (double)(measured.Sum(p => p.RealisedSurplus) / maximum) : null;
    }
}
