using M2MSim.Economy.Simulation;
using M2MSim.Simulator.Engines;

namespace M2MSim.Grains.Tests;

/// <summary>
/// A run's grains hold its state only in memory, so Orleans' idle-activation collector must never
/// take one in the middle of a run, however long a device sleeps between its active ticks.
/// </summary>
public sealed class ActivationCollectionTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_collection_of_idle_activations_in_the_middle_of_a_run_changes_no_result()
    {
        var scenario = DeactivationTests.Load("sparse");
        await using var reference = new ReferenceEngine(scenario);
        await reference.StartAsync(CancellationToken.None);
        await using var grains = new OrleansEngine(scenario, new OrleansEngineOptions(Shards: 2, Parallelism: 16, DeactivateIdle: 0), fixture.Grains);
        await grains.StartAsync(CancellationToken.None);
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);

        for (var tick = 0; tick < 20; tick++)
        {
            // Every grain of the run is idle between ticks, and most devices sleep for many ticks:
            // collect every idle activation, however short its idleness.
            if (tick == 10) await management.ForceActivationCollection(TimeSpan.Zero);
            var expected = await reference.RunTickAsync(tick, CancellationToken.None);
            var actual = await grains.RunTickAsync(tick, CancellationToken.None);
            Assert.Equal(expected.Rows, actual.Rows);
        }
    }
}
