using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Grains.Tests;

/// <summary>
/// The benchmark models of scenarios/bench load, run on both engines at a tiny size and write
/// identical files; the market model covers <c>redraw: true</c> (values and costs drawn every tick).
/// </summary>
public sealed class BenchScenarioEquivalenceTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    public static TheoryData<string, string[]> Models => new()
    {
        { "money", ["devices.agent.count=50"] },
        { "market", ["devices.buyer.count=30", "devices.seller.count=30"] },
        {
            "sparse",
            [
                "devices.edge-server.count=6", "devices.gateway.count=8", "devices.car.count=40", "devices.smart-meter.count=100",
                "devices.industrial-machine.count=10", "devices.data-buyer.count=2",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public async Task A_bench_model_runs_identically_on_both_engines(string model, string[] counts)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(Repository.Root, "scenarios", "bench", model + ".yaml"), [.. counts, "ticks=12", "output.trades=true"]);
        await RunFiles.AssertEnginesAgree(scenario, fixture.Grains, shards: 3, minTrades: model == "money" ? 0 : 1);
    }
}
