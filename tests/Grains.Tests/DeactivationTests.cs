using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Grains.Devices;
using M2MSim.Simulator.Engines;
using Orleans.Runtime;

namespace M2MSim.Grains.Tests;

/// <summary>
/// With --deactivate-idle, a device with nothing to do for a while deactivates after its step and
/// its shard keeps its state; its next step activates it again from that state. Results must not
/// change in any byte, whatever the devices were doing when they went idle.
/// </summary>
public sealed class DeactivationTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    public static TheoryData<string> Scenarios => ["sparse", "idle-compute", "settlement-chain", "negotiation-faults"];

    /// <summary>Scenarios whose devices are idle for several ticks at a time, each small enough for a test.</summary>
    public static Scenario Load(string name) => name switch
    {
        // The sparse benchmark model, small: devices acting every 5 to 30 ticks on three double auctions.
        "sparse" => ScenarioLoader.Load(Path.Combine(Repository.Root, "scenarios", "bench", "sparse.yaml"),
        [
            "devices.edge-server.count=6", "devices.gateway.count=8", "devices.car.count=40", "devices.smart-meter.count=100",
            "devices.industrial-machine.count=10", "devices.data-buyer.count=2", "ticks=40", "output.trades=true",
        ]),
        // A feeless ledger with a reward pool: compute committed and rewards unclaimed while a device sleeps.
        "idle-compute" => ScenarioLoader.Load(Path.Combine(Repository.Root, "scenarios", "idle-compute.yaml"),
            ["ticks=30", "devices.car.every=4", "devices.industrial-machine.every=3", "output.trades=true"]),
        // A congested chain: payments pending in blocks while their payees sleep.
        "settlement-chain" => ScenarioLoader.Load(Path.Combine(Repository.Root, "scenarios", "settlement-comparison.yaml"),
            ["ticks=30", "ledger.kind=chain", "output.trades=true"]),
        // Negotiations, churn, lost moves, dishonest sellers and reputations, buyers bargaining every third tick.
        _ => ScenarioLoader.Load(Path.Combine(Repository.Root, "scenarios", "validation", "negotiation.yaml"),
            ["ticks=60", "devices.buyer.every=3", "devices.buyer.churn={offline: 0.1, spell: 2}", "network={loss: 0.1}",
             "devices.seller.dishonest=0.4", "devices.buyer.reputation=true"]),
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Deactivating_idle_devices_changes_no_result(string name)
    {
        var scenario = Load(name);
        await RunFiles.AssertEnginesAgree(scenario, fixture.Grains, shards: 3, minTrades: 1, deactivateIdle: 1);

        // The comparison means something only if devices did deactivate in this scenario.
        await using var engine = new OrleansEngine(scenario, new OrleansEngineOptions(Shards: 3, Parallelism: 16, DeactivateIdle: 1), fixture.Grains);
        await engine.StartAsync(CancellationToken.None);
        var most = 0;
        for (var tick = 0; tick < scenario.Ticks; tick++)
        {
            await engine.RunTickAsync(tick, CancellationToken.None);
            most = Math.Max(most, await engine.DevicesHeldAsStateAsync());
        }
        Assert.True(most > 0, "no device deactivated in this scenario: the comparison above did not exercise deactivation");
    }

    [Fact]
    public async Task Idle_devices_give_up_their_activation_and_come_back_from_their_state()
    {
        var scenario = Load("sparse");
        await using var engine = new OrleansEngine(scenario, new OrleansEngineOptions(Shards: 3, Parallelism: 16, DeactivateIdle: 2), fixture.Grains);
        await engine.StartAsync(CancellationToken.None);
        var held = new List<int>();
        for (var tick = 0; tick < 35; tick++)
        {
            await engine.RunTickAsync(tick, CancellationToken.None);
            held.Add(await engine.DevicesHeldAsStateAsync());
            // Devices that quoted in tick 0 settle in tick 1: they are activated now (and the count sees this run's devices).
            if (tick == 0) Assert.True(await Activations(engine.RunId) > 0, "the devices that quoted in tick 0 should be activated");
        }

        // Most of the time most devices sleep: the shards hold them as state...
        Assert.True(held[^1] > scenario.DeviceCount / 2, $"after tick 34 the shards should hold most of the {scenario.DeviceCount} devices as state, held {held[^1]}");
        // ...and devices come back: fewer are held on some later tick than on an earlier one.
        Assert.Contains(held.Skip(1).Zip(held), pair => pair.First < pair.Second);
        // Their activations are gone (deactivation completes after the step's call returns: wait for it).
        var limit = scenario.DeviceCount - held[^1];
        var activations = await WaitFor(() => Activations(engine.RunId), n => n <= limit, TimeSpan.FromSeconds(60));
        Assert.True(activations <= limit, $"{activations} device activations remain; at most {limit} devices are not held as state");
    }

    /// <summary>This run's device activations in the cluster.</summary>
    private async Task<int> Activations(string runId)
    {
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var grains = await management.GetDetailedGrainStatistics();
        return grains.Count(g => g.GrainType.Contains(nameof(DeviceGrain), StringComparison.Ordinal) && g.GrainId.ToString().Contains(runId, StringComparison.Ordinal));
    }

    private static async Task<int> WaitFor(Func<Task<int>> read, Func<int, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            value = await read();
        }
        return value;
    }
}
