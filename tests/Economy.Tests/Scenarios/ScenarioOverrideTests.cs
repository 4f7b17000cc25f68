using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Scenarios;

public sealed class ScenarioOverrideTests
{
    private const string Yaml = """
        name: o
        ticks: 10
        markets:
          - resource: compute
            price_range: [1, 2]
        devices:
          - type: edge
            count: 1
            strategy: zi-c
          - type: car
            count: 2
            strategy: zi-c
            consumes: {compute: 1}
            values: {compute: 1.5}
        """;

    private static Scenario Parse(params string[] overrides) => ScenarioLoader.Parse(Yaml, "o.yaml", overrides);

    private static ScenarioError Fails(params string[] overrides) =>
        Assert.Single(Assert.Throws<ScenarioException>(() => Parse(overrides)).Errors);

    [Fact]
    public void Scalar_override_replaces_the_value()
    {
        Assert.Equal(500, Parse("ticks=500").Ticks);
        Assert.Equal(9UL, Parse("seed=9").Seed); // a missing key is added
    }

    [Fact]
    public void Later_overrides_win()
    {
        Assert.Equal(3, Parse("ticks=2", "ticks=3").Ticks);
    }

    [Fact]
    public void Override_by_index()
    {
        var s = Parse("devices[1].count=7", "markets[0].price_range[1]=5");
        Assert.Equal(7, s.Populations[1].Count);
        Assert.Equal(5, s.Markets[0].MaxPrice);
    }

    [Fact]
    public void Override_by_population_type()
    {
        var s = Parse("devices.car.count=500", "devices.edge.strategy=fixed-margin");
        Assert.Equal(500, s.Populations[1].Count);
        Assert.Equal(new StrategySpec(StrategyKind.FixedMargin), s.Populations[0].Strategy);
    }

    [Fact]
    public void Flow_mapping_value()
    {
        var s = Parse("devices.car.values.compute={uniform: [1, 2]}", "devices.edge.strategy={kind: fixed-margin, margin: 0.2}");
        Assert.Equal(Distribution.Uniform(1, 2), s.Populations[1].Values[Resource.Compute]);
        Assert.Equal(new StrategySpec(StrategyKind.FixedMargin, 0.2), s.Populations[0].Strategy);
    }

    [Fact]
    public void Overridden_values_are_validated_and_attributed_to_set()
    {
        var e = Fails("ticks=-3");
        Assert.Equal(("--set", 0, 0, "ticks"), (e.File, e.Line, e.Column, e.Path));
        Assert.Contains("between 1 and 100000000", e.Message, StringComparison.Ordinal);
        Assert.Equal("--set ticks: " + e.Message, e.ToString());

        e = Fails("devices.car.strategy={kind: zi-c, margin: 0.5}");
        Assert.Equal(("--set", "devices[1].strategy.margin"), (e.File, e.Path));

        e = Fails("output={trade: false}");
        Assert.Equal(("--set", "output.trade"), (e.File, e.Path));
    }

    [Theory]
    [InlineData("ticks", "ticks", "path=value")]
    [InlineData("=5", "(empty path)", "empty")]
    [InlineData("devices[5].count=1", "devices[5].count", "index 5 is out of range: 'devices' has 2 entries")]
    [InlineData("devices.bus.count=1", "devices.bus.count", "no population has type 'bus' (types: edge, car)")]
    [InlineData("markets.compute.fee=0.1", "markets.compute.fee", "'markets' is a list")]
    [InlineData("output.trades=false", "output.trades", "'output' is not in the scenario")]
    [InlineData("ticks.max=3", "ticks.max", "'ticks' is not a mapping")]
    [InlineData("name[0]=x", "name[0]", "'name' is not a list")]
    [InlineData("a..b=1", "a..b", "not a valid path segment")]
    [InlineData("ticks=[1, 2", "ticks", "invalid value")]
    public void Bad_override_paths_are_errors(string text, string path, string message)
    {
        var e = Fails(text);
        Assert.Equal(("--set", 0, 0, path), (e.File, e.Line, e.Column, e.Path));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_and_override_errors_are_reported_together()
    {
        var e = Assert.Throws<ScenarioException>(() =>
            ScenarioLoader.Parse(Yaml.Replace("ticks: 10", "ticks: x"), "o.yaml", ["devices.bus.count=1"]));
        Assert.Equal([("o.yaml", "ticks"), ("--set", "devices.bus.count")], e.Errors.Select(x => (x.File, x.Path)));
    }
}
