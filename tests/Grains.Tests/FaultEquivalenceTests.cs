using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Grains.Tests;

/// <summary>Devices that go offline, come back and fail for good: the grains still write exactly the reference engine's files.</summary>
public sealed class FaultEquivalenceTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Churn_and_failures_give_the_reference_files_on_the_grains(int shards)
    {
        var mixed = TestScenarios.Mixed(ticks: 30);
        var faulty = mixed with
        {
            Populations = [.. mixed.Populations.Select((p, i) => p with { Churn = new ChurnSpec(0.3, 2 + i), Failure = i == 2 ? 0.02 : null })],
        };
        var (reference, _) = await RunFiles.AssertEnginesAgree(faulty, fixture.Grains, shards, minTrades: 20);
        var offline = RunFiles.Column(reference, "ticks.csv", "offline_devices").Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(offline, n => n > 10);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Negotiations_with_partners_that_come_and_go_give_the_reference_files(int shards)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(Repository.Root, "scenarios", "validation", "negotiation.yaml"),
            ["devices.buyer.churn={offline: 0.1, spell: 2}", "devices.seller.churn={offline: 0.1, spell: 3}", "devices.seller.failure=0.002", "network={loss: 0.05}",
             "devices.seller.dishonest=0.3", "devices.buyer.reputation=true"]);
        var (reference, _) = await RunFiles.AssertEnginesAgree(scenario, fixture.Grains, shards, minTrades: 10);
        var lost = RunFiles.Column(reference, "ticks.csv", "lost_messages");
        Assert.True(lost.Sum(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)) > 10, "moves were lost");
    }
}
