using System.Globalization;
using System.Text.Json;
using M2MSim.Economy.Resources;
using M2MSim.Simulator.Results;
using static M2MSim.Simulator.Results.CsvFiles;

namespace M2MSim.Simulator.Sweeps;

/// <summary>
/// sweep.csv: one row per run, rebuilt from the run folders alone (see docs/output.md, "The sweep
/// folder"). The columns are fixed: the run's coordinates, one column per varied path, then the
/// outcome and the metrics, so the compare command can read them by name.
/// </summary>
public static class SweepCsv
{
    public const string FileName = "sweep.csv";

    public static readonly string[] MetricColumns =
        ["outcome", "ticks", "wall_seconds", "trades", "volume", "fees_total", "money_supply", "gini_final", "gini_mean", "efficiency"];

    /// <summary>The markets' resources across the sweep, in the resource order of ticks.csv.</summary>
    public static IReadOnlyList<string> Resources(IReadOnlyList<SweepRun> runs) =>
        M2MSim.Economy.Resources.Resources.All.Where(r => runs.Any(run => run.Scenario.Markets.Any(m => m.Resource == r))).Select(r => r.Name()).ToArray();

    public static IReadOnlyList<string> Columns(SweepPlan plan, IReadOnlyList<string> resources) =>
        ["run", "point", "replication", "seed", .. plan.Vary.Select(p => p.Path), .. MetricColumns, .. resources.Select(r => $"mean_price_{r}")];

    /// <summary>Writes every run's row, in run order; every run must have finished (completed or failed).</summary>
    public static void Write(SweepFolder folder, SweepPlan plan, IReadOnlyList<SweepRun> runs)
    {
        var resources = Resources(runs);
        SweepFolder.WriteAtomically(folder.CsvPath, temp =>
        {
            using var csv = Create(temp, Columns(plan, resources));
            foreach (var run in runs) csv.Row([.. Row(folder, run, resources)]);
        });
    }

    private static IEnumerable<string> Row(SweepFolder folder, SweepRun run, IReadOnlyList<string> resources)
    {
        var completed = folder.IsComplete(run);
        var path = completed ? folder.RunPath(run) : folder.FailedPath(run);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(path, "manifest.json")));
        var root = manifest.RootElement;
        string[] head =
        [
            run.Id, Int(run.Point), Int(run.Replication), run.Seed.ToString(CultureInfo.InvariantCulture), .. run.Values,
            completed ? "completed" : "failed", Int(root.GetProperty("ticks_run").GetInt32()),
            root.GetProperty("wall_seconds").GetDouble().ToString(CultureInfo.InvariantCulture),
        ];
        if (!completed) return [.. head, .. Enumerable.Repeat("", MetricColumns.Length - 3 + resources.Count)];
        var s = RunSummary.Of(path);
        return
        [
            .. head, Int(s.Trades), Int(s.Volume), Money(s.FeesTotal), Money(s.MoneySupply), Ratio(s.GiniFinal), Ratio(s.GiniMean),
            s.Efficiency is { } e ? Ratio(e) : "",
            .. resources.Select(r => s.MeanPrices.TryGetValue(r, out var price) ? Ratio(price) : ""),
        ];
    }

    private static string Money(decimal value) => value.ToString("F6", CultureInfo.InvariantCulture);
}
