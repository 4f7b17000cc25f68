using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Simulator.Results;

namespace M2MSim.Simulator.Sweeps;

/// <summary>
/// Expands a sweep into its runs and loads every grid point up front, so a bad value is reported
/// before anything runs or is written. Replication r of every point gets the same seed (the
/// scenario's seed + r): common random numbers, so points differ by their settings, not their luck.
/// </summary>
public static class SweepBuilder
{
    /// <summary>Distinct scenario errors reported at most; the rest are counted.</summary>
    private const int MaxErrorsShown = 20;

    /// <param name="overrides">--set, --seed and --ticks, applied to every point before its varied values.</param>
    /// <exception cref="SweepException">A bad --vary or grid, or grid points that are not valid scenarios (each error names the point's values).</exception>
    public static (SweepPlan Plan, IReadOnlyList<SweepRun> Runs) Build(
        string scenarioPath, string scenarioText, IReadOnlyList<string> overrides, IReadOnlyList<SweepParameter> parameters,
        int replications, string engine, bool trades)
    {
        var points = SweepGrid.Expand(parameters);
        var baseSeed = ScenarioLoader.Parse(scenarioText, scenarioPath, overrides).Seed;
        var pointWidth = Math.Max(3, Width(points.Count - 1));
        var replicationWidth = Math.Max(2, Width(replications - 1));

        var runs = new List<SweepRun>();
        var errors = new List<string>();
        var seen = new HashSet<ScenarioError>();
        // Two points that resolve to the same scenario mean a parameter that has no effect: a path
        // varied under two spellings (devices[0].count and devices.buyer.count), or values that are
        // one number written twice (1 and 1.0). Its column in sweep.csv would be a lie.
        var resolved = new Dictionary<string, int>(StringComparer.Ordinal);
        var bad = 0;
        for (var p = 0; p < points.Count; p++)
        {
            var values = points[p];
            var set = parameters.Select((parameter, i) => $"{parameter.Path}={values[i]}");
            try
            {
                var scenario = ScenarioLoader.Parse(scenarioText, scenarioPath, [.. overrides, .. set]);
                scenario = scenario with { Output = scenario.Output with { Trades = scenario.Output.Trades && trades } };
                if (!resolved.TryAdd(ScenarioJson.Serialize(scenario), p))
                    throw new SweepException($"grid points {resolved[ScenarioJson.Serialize(scenario)]} and {p} ({string.Join(", ", set)}) give the same scenario: " +
                        "is one path varied under two spellings, or one value written twice (1 and 1.0)? Every varied parameter must change the run.");
                for (var r = 0; r < replications; r++)
                {
                    // Varying seed itself is allowed: each point's replications then start from its own seed.
                    var seed = unchecked(scenario.Seed + (ulong)r);
                    var id = string.Create(CultureInfo.InvariantCulture, $"p{p.ToString($"D{pointWidth}", CultureInfo.InvariantCulture)}-r{r.ToString($"D{replicationWidth}", CultureInfo.InvariantCulture)}");
                    runs.Add(new SweepRun(id, p, r, seed, values, scenario with { Seed = seed }));
                }
            }
            catch (ScenarioException e)
            {
                bad++;
                // The same bad value fails many points; one line per distinct error says it all.
                foreach (var error in e.Errors.Where(seen.Add)) errors.Add($"{error}   (grid point {p}: {string.Join(", ", set)})");
            }
        }
        if (bad > 0)
        {
            var shown = errors.Take(MaxErrorsShown).Select(l => "  " + l);
            var more = errors.Count > MaxErrorsShown ? [$"  … and {errors.Count - MaxErrorsShown} more"] : Array.Empty<string>();
            throw new SweepException(string.Join("\n",
                [$"{bad} of {points.Count} grid points of {scenarioPath} are not valid scenarios:", .. shown, .. more]));
        }

        var plan = new SweepPlan(scenarioPath, Sha256(scenarioText), baseSeed, parameters, replications, engine, trades, overrides,
            points.Count, runs.Count, Manifest.CurrentVersions());
        return (plan, runs);
    }

    private static int Width(int n) => n.ToString(CultureInfo.InvariantCulture).Length;

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
