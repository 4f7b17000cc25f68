using M2MSim.Economy.Scenarios;
using M2MSim.Grains.Devices;
using M2MSim.Simulator.Engines;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace M2MSim.Grains.Tests;

public sealed class ActivationTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Only_devices_with_something_to_do_are_called()
    {
        // 400 meters waking every 4 ticks and trading nothing: in tick 0 exactly those whose phase
        // puts them on tick 0 may be activated.
        var scenario = TestScenarios.Sleepers(count: 400, every: 4);
        var builder = new PopulationBuilder(scenario);
        var due = Enumerable.Range(0, builder.DeviceCount).Count(id => builder.Build(id).IsActive(0));
        Assert.InRange(due, 1, 399);

        var before = await DeviceActivations();
        await using var engine = new OrleansEngine(scenario, new OrleansEngineOptions(Shards: 4), fixture.Grains);
        await engine.StartAsync(CancellationToken.None);
        var report = await engine.RunTickAsync(0, CancellationToken.None);

        Assert.All(report.Rows, r => Assert.Equal(due, r.ActiveDevices));
        Assert.Equal(due, await DeviceActivations() - before);
    }

    [Fact]
    public async Task A_device_whose_state_was_lost_refuses_to_continue()
    {
        var device = fixture.Grains.GetGrain<IDeviceGrain>(42, "lost-state-test");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => device.Step(5, new DeviceInput(null, default, false)).AsTask());
        Assert.Contains("lost its state", error.Message);
    }

    private async Task<int> DeviceActivations()
    {
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var stats = await management.GetSimpleGrainStatistics();
        return stats.Where(s => s.GrainType.Contains(nameof(DeviceGrain), StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }
}
