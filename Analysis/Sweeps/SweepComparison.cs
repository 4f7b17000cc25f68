using M2MSim.Analysis.Statistics;

namespace M2MSim.Analysis.Sweeps;

/// <summary>
/// Every metric by every parameter value and by grid point, with Welch's test where a parameter has
/// two settings and a linear trend where a numeric parameter has three or more.
/// </summary>
public sealed record SweepComparison(
    SweepResults Sweep,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<ParameterLevel> Levels,
    IReadOnlyList<GridPoint> Points,
    IReadOnlyList<LevelTest> Tests,
    IReadOnlyList<ParameterTrend> Trends)
{
    public static SweepComparison Of(SweepResults sweep, IReadOnlyList<string> metrics)
    {
        var levels = new List<ParameterLevel>();
        var points = new List<GridPoint>();
        var tests = new List<LevelTest>();
        var trends = new List<ParameterTrend>();
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
                    tests.Add(new LevelTest(metric, parameter.Path, at[0], at[1], WelchTest.Of(at[0].Group.Values.ToArray(), at[1].Group.Values.ToArray()),
                        PairedTTest.Of(Pairs(sweep, metric, parameter.Path, at[0].Value, at[1].Value))));
                if (at.Length >= 3 && Numeric(parameter.Values) is { } xs)
                {
                    var pairs = at.SelectMany((level, i) => level.Group.Values.Select(y => (X: xs[i], Y: y))).ToArray();
                    trends.Add(new ParameterTrend(metric, parameter.Path, LinearTrend.Of(pairs.Select(p => p.X).ToArray(), pairs.Select(p => p.Y).ToArray())));
                }
            }
            points.AddRange(byPoint.Select(g => new GridPoint(metric, g.Key, g.First().Settings, RunGroup.Of(g.ToArray(), metric))));
        }
        return new SweepComparison(sweep, metrics, levels, points, tests, trends);
    }

    /// <summary>
    /// The metric at value a and at value b of a parameter for runs alike in everything else: the
    /// other parameters' settings and the replication (hence the seed). Runs without a value on
    /// either side are left out.
    /// </summary>
    private static (double A, double B)[] Pairs(SweepResults sweep, string metric, string parameter, string a, string b)
    {
        string Key(SweepRun r) => string.Join("\u0001", sweep.Definition.Parameters.Where(p => p.Path != parameter).Select(p => r.Settings[p.Path]))
            + "\u0001" + r.Replication.ToString(System.Globalization.CultureInfo.InvariantCulture);
        double? Value(SweepRun r) => r.Completed ? r.Metrics[metric] : null;
        var atB = sweep.Runs.Where(r => r.Settings[parameter] == b && Value(r) is not null).ToDictionary(Key, r => Value(r)!.Value);
        return sweep.Runs.Where(r => r.Settings[parameter] == a && Value(r) is not null && atB.ContainsKey(Key(r)))
            .Select(r => (Value(r)!.Value, atB[Key(r)])).ToArray();
    }

    /// <summary>The values as numbers, or null if any is not one (then the parameter is a category).</summary>
    private static double[]? Numeric(IReadOnlyList<string> values)
    {
        var numbers = new double[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.TryParse(values[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out numbers[i])) return null;
        }
        return numbers;
    }
}
