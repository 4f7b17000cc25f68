using M2MSim.Analysis.Statistics;

namespace M2MSim.Analysis.Sweeps;

/// <summary>
/// A metric over a set of runs (those at one parameter value, or at one grid point): how many runs
/// there were, how many failed (left out), how many completed without a value (empty cell, left
/// out), and the mean with its 95 % interval over the rest.
/// </summary>
public sealed record RunGroup(int Runs, int Failed, int Missing, MeanInterval Stats, IReadOnlyList<double> Values)
{
    public static RunGroup Of(IReadOnlyCollection<SweepRun> runs, string metric)
    {
        var completed = runs.Where(r => r.Completed).ToArray();
        var values = completed.Where(r => r.Metrics[metric] is not null).Select(r => r.Metrics[metric]!.Value).ToArray();
        return new RunGroup(runs.Count, runs.Count - completed.Length, completed.Length - values.Length, MeanInterval.Of(values), values);
    }
}
