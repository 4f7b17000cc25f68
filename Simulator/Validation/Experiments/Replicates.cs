using M2MSim.Analysis.Metrics;

namespace M2MSim.Simulator.Validation.Experiments;

/// <summary>The per-period metrics of each replication of an arm, read back from its run folders.</summary>
public sealed class Replicates(IReadOnlyList<IReadOnlyList<PeriodMetrics>> runs)
{
    public static Replicates Of(IReadOnlyList<string> folders) => new(folders.Select(MarketMetrics.ForRun).ToArray());

    public IReadOnlyList<IReadOnlyList<PeriodMetrics>> Runs => runs;

    /// <summary>Mean over replications of each run's efficiency (realised over maximum surplus, all periods).</summary>
    public double MeanEfficiency() => runs.Average(r =>
    {
        var measured = r.Where(p => p.MaxSurplus is not null).ToArray();
        return (double)(measured.Sum(p => p.RealisedSurplus) / measured.Sum(p => p.MaxSurplus!.Value));
    });

    /// <summary>Mean over replications of Smith's α in one period (replications without trades in it are skipped).</summary>
    public double MeanAlpha(int period) => runs.Select(r => r.FirstOrDefault(p => p.Period == period)?.SmithsAlpha)
        .Where(a => a is not null).Select(a => a!.Value).DefaultIfEmpty(double.NaN).Average();

    public long LossTrades() => runs.Sum(r => r.Sum(p => p.LossTrades));

    public double MeanPrice(int period) => runs.Select(r => r.FirstOrDefault(p => p.Period == period))
        .Where(p => p is { Units: > 0 }).Select(p => (double)p!.MeanPrice).DefaultIfEmpty(double.NaN).Average();

    public int Periods => runs.Max(r => r.Max(p => p.Period)) + 1;
}
