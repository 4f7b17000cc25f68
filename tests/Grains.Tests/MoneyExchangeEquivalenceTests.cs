using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Simulator.Runs;

namespace M2MSim.Grains.Tests;

/// <summary>Money sent device to device crosses shards through the coordinator; the files must not notice.</summary>
public sealed class MoneyExchangeEquivalenceTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly M2MSim.Economy.Scenarios.Scenario Exchange = ScenarioLoader.Parse("""
        name: exchange
        ticks: 30
        markets: [{resource: data, price_range: [0.1, 5]}]
        devices:
          - {type: agent, count: 60, strategy: zi-c, wallet: {uniform: [0, 20]}, gives: 1, every: 2}
          - {type: meter, count: 20, strategy: zi-c, wallet: 5, produces: {data: 2}, costs: {data: 0.5}, gives: 0.25}
          - {type: buyer, count: 5, strategy: zi-c, wallet: 100, consumes: {data: 5}, values: {data: 2}}
        """, "exchange.yaml");

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Orleans_engine_writes_the_reference_files_with_money_exchange(int shards)
    {
        var (reference, orleans) = await RunFiles.AssertEnginesAgree(Exchange, fixture.Grains, shards);
        var inFlight = RunFiles.Column(orleans, "ticks.csv", "in_flight");
        Assert.Contains(inFlight, v => v != "0.000000"); // money really was in flight
    }
}
