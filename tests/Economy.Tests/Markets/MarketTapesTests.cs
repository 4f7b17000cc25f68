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
    public void Each_clearing_gives_its_markets_tape_in_market_order()
    {
        Shout[] data = [new Shout(Side.Buy, 5, true)];
        Shout[] compute = [new Shout(Side.Sell, 7, false), new Shout(Side.Buy, 8, true)];

        var tapes = MarketTapes.From([
            new MarketClearing(Resources.Resource.Compute, [], [], 0, 0, compute),
            new MarketClearing(Resources.Resource.Data, [], [], 0, 0, data)]);

        Assert.Equal([Resources.Resource.Compute, Resources.Resource.Data], tapes.Select(t => t.Resource));
        Assert.Equal(compute, tapes[0].Shouts);
        Assert.Equal(data, tapes[1].Shouts);
    }
}
