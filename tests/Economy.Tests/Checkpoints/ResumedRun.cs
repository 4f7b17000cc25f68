using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Simulation;
using M2MSim.Economy.Tests.Simulation;

namespace M2MSim.Economy.Tests.Checkpoints;

/// <summary>
/// A run of the reference engine from a barrier to its end: its reports, the checkpoint at the last
/// barrier (before the final settlement) and the devices after it, all rendered as text.
/// </summary>
internal sealed record ResumedRun(string[] Reports, CheckpointFile End, string[] FinalDevices)
{
    /// <summary>
    /// Runs the scenario straight through, taking (and keeping) a checkpoint at each barrier of
    /// <paramref name="barriers"/> on the way: the reports from tick 0 and the checkpoints, by barrier.
    /// </summary>
    public static async Task<(ResumedRun Run, Dictionary<int, CheckpointFile> Checkpoints)> StraightAsync(Scenario scenario, IEnumerable<int> barriers)
    {
        var at = barriers.ToHashSet();
        var checkpoints = new Dictionary<int, CheckpointFile>();
        await using var engine = new ReferenceEngine(scenario);
        await engine.StartAsync(CancellationToken.None);
        var run = await GoOnAsync(scenario, engine, 0, async (e, tick) =>
        {
            if (at.Contains(tick)) checkpoints[tick] = await CheckpointFile.TakeAsync(e, tick);
        });
        return (run, checkpoints);
    }

    /// <summary>Restores the checkpoint into a new engine and runs the rest of the scenario.</summary>
    public static async Task<ResumedRun> FromAsync(Scenario scenario, CheckpointFile checkpoint)
    {
        await using var engine = new ReferenceEngine(scenario);
        await checkpoint.RestoreIntoAsync(engine);
        return await GoOnAsync(scenario, engine, checkpoint.Checkpoint.Ticks, (_, _) => Task.CompletedTask);
    }

    private static async Task<ResumedRun> GoOnAsync(Scenario scenario, ReferenceEngine engine, int from, Func<ReferenceEngine, int, Task> atBarrier)
    {
        var ct = CancellationToken.None;
        var reports = new List<string>();
        for (var tick = from; tick < scenario.Ticks; tick++)
        {
            await atBarrier(engine, tick);
            reports.Add(Rendering.Of(await engine.RunTickAsync(tick, ct)));
        }
        await atBarrier(engine, scenario.Ticks);
        var end = await CheckpointFile.TakeAsync(engine, scenario.Ticks);
        await engine.SettleAsync(scenario.Ticks, ct);
        return new ResumedRun([.. reports], end, Rendering.All(await engine.DevicesAsync(ct).ToArrayAsync(ct)));
    }

    /// <summary>
    /// The property: a run stopped at any of <paramref name="barriers"/>, stored, restored into a new
    /// engine and run on gives the same reports from that tick, the same state at the last barrier
    /// and the same devices after the settlement as the run that never stopped; and taking the
    /// checkpoints disturbs nothing. Returns the checkpoints, for tests that look into them.
    /// </summary>
    public static async Task<Dictionary<int, CheckpointFile>> AssertResumesIdenticallyAsync(Scenario scenario, params IEnumerable<int> barriers)
    {
        var baseline = await SimulationRun.ExecuteAsync(scenario);
        var (straight, checkpoints) = await StraightAsync(scenario, barriers);
        Assert.Equal(Rendering.All(baseline.Reports), straight.Reports);
        Assert.Equal(Rendering.All(baseline.FinalDevices), straight.FinalDevices);
        foreach (var (k, checkpoint) in checkpoints.OrderBy(c => c.Key))
        {
            var resumed = await FromAsync(scenario, checkpoint);
            Assert.Equal(straight.Reports[k..], resumed.Reports);
            Assert.Equal(straight.End.Text, resumed.End.Text);
            Assert.Equal(straight.FinalDevices, resumed.FinalDevices);
        }
        return checkpoints;
    }

    /// <summary>Barriers worth testing in a run of <paramref name="ticks"/>: the start, after the first tick, the middle, before and after the last.</summary>
    public static int[] Barriers(int ticks) => new[] { 0, 1, ticks / 2, ticks - 1, ticks }.Where(k => k >= 0 && k <= ticks).Distinct().ToArray();
}
