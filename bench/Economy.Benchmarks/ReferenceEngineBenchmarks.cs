using BenchmarkDotNet.Attributes;
using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Economy.Simulation;

namespace M2MSim.Benchmarks;

/// <summary>A whole quickstart run on the reference loop: the no-actor baseline for the grains.</summary>
[MemoryDiagnoser]
public class ReferenceEngineBenchmarks
{
    private M2MSim.Economy.Scenarios.Scenario _scenario = null!;

    [GlobalSetup]
    public void Setup() => _scenario = ScenarioLoader.Load(Path.Combine(RepoRoot(), "scenarios", "quickstart.yaml"), ["ticks=20"]);

    [Benchmark]
    public async Task<long> Quickstart20Ticks()
    {
        await using var engine = new ReferenceEngine(_scenario);
        await engine.StartAsync(CancellationToken.None);
        long trades = 0;
        for (var t = 0; t < _scenario.Ticks; t++) trades += (await engine.RunTickAsync(t, CancellationToken.None)).Trades.Length;
        await engine.SettleAsync(_scenario.Ticks, CancellationToken.None);
        return trades;
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "M2MSim.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
