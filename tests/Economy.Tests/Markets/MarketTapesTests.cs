using M2MSim.Economy.Markets;
using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Economy.Tests.Markets;

public sealed class MarketTapesTests
{
    private const string Scenario = """
        name: t
        ticks: 3
        markets: [{resource: data, price_range: [1, 10]}]
        devices:
          - {type: b, count: 1, strategy: zi-c, wallet: 10, buys: {data: [5]}}
          - {type: s, count: 1, strategy: zi-c, sells: {data: [2]}}
        """;

    [Fact]
    public void Tapes_are_needed_only_when_a_device_learns()
    {
        Assert.False(MarketTapes.Needed(ScenarioLoader.Parse(Scenario, "t.yaml")));
        Assert.True(MarketTapes.Needed(ScenarioLoader.Parse(Scenario, "t.yaml", ["devices.s.strategy=zip"])));
        Assert.False(MarketTapes.Needed(ScenarioLoader.Parse(Scenario, "t.yaml", ["devices.s.strategy=zip", "devices.s.count=0"])));
    }

    [Fact]
    public void Clearings_without_a_tape_give_no_tapes_yet() =>
        Assert.Empty(MarketTapes.From([new MarketClearing(Resources.Resource.Data, [], [], 0, 0)]));
}
