using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Bench.Measuring;

/// <summary>
/// The benchmark models are the files in scenarios/bench; a size is reached by scaling every
/// population's count by the same factor (largest remainders, so the counts add up exactly).
/// </summary>
public static class BenchModels
{
    public static readonly string[] All = ["money", "market", "sparse"];

    public static string PathOf(string model) => Path.Combine(RepoRoot(), "scenarios", "bench", model + ".yaml");

    /// <summary>The --set overrides that give the model <paramref name="devices"/> devices and <paramref name="ticks"/> ticks.</summary>
    public static string[] Overrides(string model, int devices, int ticks)
    {
        var file = ScenarioLoader.Load(PathOf(model));
        var counts = Scale(file.Populations.Select(p => p.Count).ToArray(), devices);
        return [.. file.Populations.Select((p, i) => $"devices.{p.Type}.count={counts[i]}"), $"ticks={ticks}"];
    }

    public static Scenario Load(string model, int devices, int ticks) => ScenarioLoader.Load(PathOf(model), Overrides(model, devices, ticks));

    public static int[] Scale(int[] counts, int total)
    {
        var sum = counts.Sum(c => (long)c);
        var exact = counts.Select(c => (double)c * total / sum).ToArray();
        var scaled = exact.Select(x => (int)Math.Floor(x)).ToArray();
        var left = total - scaled.Sum();
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => exact[i] - scaled[i]).ThenBy(i => i).Take(left)) scaled[i]++;
        return scaled;
    }

    public static string RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "M2MSim.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}
