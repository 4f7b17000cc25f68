using System.Text.Json;
using M2MSim.Grains.Shards;
using M2MSim.Simulator.Runs;

namespace M2MSim.Grains.Tests;

public sealed class MoneyConservationTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_lost_device_reply_stops_the_run_at_that_tick_with_a_clear_error()
    {
        // Device 0 (an edge server, active every tick) settles trades from tick 3 in tick 4;
        // losing that reply leaves the shard with a stale wallet, so tick 4's barrier must fail.
        var scenario = TestScenarios.Mixed();
        var outcome = await RunFiles.Run(scenario, RunDriver.Orleans, fixture.Grains, faults: new FaultPlan(LoseReplyTick: 4, LoseReplyDevice: 0));

        Assert.False(outcome.Succeeded);
        Assert.Contains("tick 4", outcome.Error);
        Assert.Contains("not conserved", outcome.Error);
        Assert.Equal(4, outcome.TicksRun); // ticks 0–3 completed; tick 4 failed
        Assert.EndsWith(".failed", outcome.Folder);
        Assert.False(Directory.Exists(outcome.Folder[..^".failed".Length]), "a failed run must not look finished");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.Folder, "manifest.json")));
        Assert.Equal("failed", manifest.RootElement.GetProperty("outcome").GetString());
    }
}
