using M2MSim.Analysis.Statistics;

namespace M2MSim.Analysis.Sweeps;

/// <summary>Every metric by every parameter value and by grid point, with Welch's test where a parameter has two settings.</summary>
public sealed record SweepComparison(
    SweepResults Sweep,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<ParameterLevel> Levels,
    IReadOnlyList<GridPoint> Points,
    IReadOnlyList<LevelTest> Tests)
{
    public static SweepComparison Of(SweepResults sweep, IReadOnlyList<string> metrics)
    {
        var levels = new List<ParameterLevel>();
        var points = new List<GridPoint>();
        var tests = new List<LevelTest>();
        // Grid points in the order sweep.csv first lists them (the sweep's own order).
        var byPoint = sweep.Runs.GroupBy(r => r.Point).ToArray();
        foreach (var metric in metrics)
        {
            foreach (var parameter in sweep.Definition.Parameters)
            {
                var at = parameter.Values.Select(v => new ParameterLevel(metric, parameter.Path, v,
                    RunGroup.Of(sweep.Runs.Where(r => r.Settings[parameter.Path] == v).ToArray(), metric))).ToArray();
                levels.AddRange(at);
                if (at.Length == 2)
                    tests.Add(new LevelTest(metric, parameter.Path, at[0], at[1], WelchTest.Of(at[0].Group.Values.ToArray(), at[1].Group.Values.ToArray())));
            }
            points.AddRange(byPoint.Select(g => new GridPoint(metric, g.Key, g.First().Settings, RunGroup.Of(g.ToArray(), metric))));
        }
        return new SweepComparison(sweep, metrics, levels, points, tests);
    }
}
