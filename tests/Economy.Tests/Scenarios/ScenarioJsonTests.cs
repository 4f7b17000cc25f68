using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Scenarios;

public sealed class ScenarioJsonTests
{
    private static readonly Scenario Sample = new(
        "json",
        "round trip",
        ulong.MaxValue,
        1234,
        [
            new MarketSpec(Resource.Compute, MarketMechanism.Cda, 0.01, 0.01, 10),
            new MarketSpec(Resource.Data, MarketMechanism.Cda, 0, 0.1, 1e9),
        ],
        [
            new PopulationSpec("edge", 3, new StrategySpec(StrategyKind.ZiC), Distribution.Fixed(100), 1,
                new Dictionary<Resource, Distribution> { [Resource.Compute] = Distribution.Fixed(10) },
                new Dictionary<Resource, Distribution> { [Resource.Data] = Distribution.Normal(2, 0.5) },
                new Dictionary<Resource, Distribution> { [Resource.Data] = Distribution.Uniform(1, 3) },
                new Dictionary<Resource, Distribution> { [Resource.Compute] = Distribution.Fixed(0.1 + 0.2) }),
            new PopulationSpec("car", 0, new StrategySpec(StrategyKind.FixedMargin, 0.1), Distribution.Uniform(0, 1), 7,
                new Dictionary<Resource, Distribution>(),
                new Dictionary<Resource, Distribution> { [Resource.Bandwidth] = Distribution.Fixed(1) },
                new Dictionary<Resource, Distribution> { [Resource.Bandwidth] = Distribution.Fixed(2) },
                new Dictionary<Resource, Distribution>()),
        ],
        new OutputSpec(false));

    [Fact]
    public void Round_trip_reproduces_the_scenario()
    {
        var json = ScenarioJson.Serialize(Sample);
        var back = ScenarioJson.Deserialize(json);

        Assert.Equal(json, ScenarioJson.Serialize(back));
        Assert.Equal((Sample.Name, Sample.Description, Sample.Seed, Sample.Ticks, Sample.Output),
            (back.Name, back.Description, back.Seed, back.Ticks, back.Output));
        Assert.Equal(Sample.Markets, back.Markets);
        for (var i = 0; i < Sample.Populations.Count; i++)
        {
            var (a, b) = (Sample.Populations[i], back.Populations[i]);
            Assert.Equal((a.Type, a.Count, a.Strategy, a.Wallet, a.Every), (b.Type, b.Count, b.Strategy, b.Wallet, b.Every));
            Assert.Equal(a.Produces, b.Produces);
            Assert.Equal(a.Consumes, b.Consumes);
            Assert.Equal(a.Values, b.Values);
            Assert.Equal(a.Costs, b.Costs);
        }
    }

    [Fact]
    public void Enums_are_written_with_their_scenario_file_names()
    {
        var json = ScenarioJson.Serialize(Sample);

        Assert.Contains("\"zi-c\"", json, StringComparison.Ordinal);
        Assert.Contains("\"fixed-margin\"", json, StringComparison.Ordinal);
        Assert.Contains("\"compute\"", json, StringComparison.Ordinal);
        Assert.Contains("\"cda\"", json, StringComparison.Ordinal);
        Assert.Contains("\"uniform\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("device_count", json, StringComparison.Ordinal); // computed, not stored
        Assert.Contains('\n', json); // indented
    }

    [Fact]
    public void Loaded_scenario_round_trips()
    {
        var s = M2MSim.Economy.Scenarios.Loading.ScenarioLoader.Parse("""
            name: rt
            ticks: 5
            markets: [{resource: bandwidth, price_range: [0.3, 0.7]}]
            devices: [{type: x, count: 2, strategy: zi-c, produces: {bandwidth: 1}, costs: {bandwidth: 0.4}}]
            """, "rt.yaml");
        var json = ScenarioJson.Serialize(s);
        Assert.Equal(json, ScenarioJson.Serialize(ScenarioJson.Deserialize(json)));
    }

    [Fact]
    public void Schedules_quote_modes_and_periods_round_trip()
    {
        var s = M2MSim.Economy.Scenarios.Loading.ScenarioLoader.Parse("""
            name: rt
            ticks: 60
            periods: {length: 20, shifts: [{period: 1, population: b, buys: {data: [9, 8.5]}}, {period: 2, population: s, sells: {data: [0.25]}}]}
            markets: [{resource: data, price_range: [0.1, 10]}]
            devices:
              - {type: b, count: 2, strategy: zip, wallet: 100, buys: {data: [7, 6.5]}, quote: all}
              - {type: s, count: 1, strategy: truthful, sells: {data: [1, 2]}}
            """, "rt.yaml");
        var json = ScenarioJson.Serialize(s);
        var back = ScenarioJson.Deserialize(json);

        Assert.Equal(json, ScenarioJson.Serialize(back));
        Assert.Equal(s.Periods!.Length, back.Periods!.Length);
        Assert.Equal(s.Periods.Shifts.Select(x => (x.Period, x.Population)), back.Periods.Shifts.Select(x => (x.Period, x.Population)));
        Assert.Equal([9.0, 8.5], back.Periods.Shifts[0].Buys![Resource.Data]);
        Assert.Null(back.Periods.Shifts[0].Sells);
        Assert.Equal([7.0, 6.5], back.Populations[0].Buys![Resource.Data]);
        Assert.Equal(M2MSim.Economy.Devices.QuoteMode.All, back.Populations[0].Quote);
        Assert.Equal([1.0, 2], back.Populations[1].Sells![Resource.Data]);
        Assert.Equal(new StrategySpec(StrategyKind.Zip), back.Populations[0].Strategy);
        Assert.Contains("\"quote\": \"all\"", json, StringComparison.Ordinal);
        Assert.Contains("\"truthful\"", json, StringComparison.Ordinal);

        // Devices built from the round-tripped scenario are the same (the grains build them from JSON).
        var (a, b) = (new PopulationBuilder(s), new PopulationBuilder(back));
        for (var id = 0; id < a.DeviceCount; id++)
        {
            var (x, y) = (a.Build(id).Schedule!, b.Build(id).Schedule!);
            Assert.Equal(x.Regimes.Length, y.Regimes.Length);
            for (var r = 0; r < x.Regimes.Length; r++)
            {
                Assert.Equal(x.Regimes[r].Buys, y.Regimes[r].Buys);
                Assert.Equal(x.Regimes[r].Sells, y.Regimes[r].Sells);
            }
        }
    }

    [Fact]
    public void A_scenario_without_schedules_writes_no_schedule_keys()
    {
        var json = ScenarioJson.Serialize(Sample);
        Assert.DoesNotContain("\"buys\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"periods\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"quote\"", json, StringComparison.Ordinal);
    }
}
