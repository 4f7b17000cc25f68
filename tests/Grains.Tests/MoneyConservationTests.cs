using System.Text.Json;
using M2MSim.Grains.Tests.Faults;
using M2MSim.Simulator.Runs;

namespace M2MSim.Grains.Tests;

public sealed class MoneyConservationTests(FaultyClusterFixture fixture) : IClassFixture<FaultyClusterFixture>
{
    [Fact]
    public async Task A_corrupted_device_reply_stops_the_run_at_that_tick_with_a_clear_error()
    {
        // Device 0 (an edge server, active every tick) claims one micro-unit too many in tick 4.
        var outcome = await RunFiles.Run(TestScenarios.Mixed(), RunDriver.Orleans, fixture.Grains);

        Assert.False(outcome.Succeeded);
        Assert.Contains($"tick {FaultyClusterFixture.Fault.Tick}", outcome.Error);
        Assert.Contains("not conserved", outcome.Error);
        Assert.Contains("difference 0.000001", outcome.Error);
        Assert.Equal(FaultyClusterFixture.Fault.Tick, outcome.TicksRun); // ticks 0–3 completed; tick 4 failed
        Assert.EndsWith(".failed", outcome.Folder);
        Assert.False(Directory.Exists(outcome.Folder[..^".failed".Length]), "a failed run must not look finished");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.Folder, "manifest.json")));
        Assert.Equal("failed", manifest.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(4, File.ReadAllLines(Path.Combine(outcome.Folder, "ticks.csv")).Skip(1).Select(l => l.Split(',')[0]).Distinct().Count());
    }

    [Fact]
    public async Task The_same_scenario_on_a_healthy_cluster_completes()
    {
        // Guards the test above: it fails because of the fault, not because of the scenario.
        var outcome = await RunFiles.Run(TestScenarios.Mixed(), RunDriver.Reference, null);
        Assert.True(outcome.Succeeded, outcome.Error);
    }
}
