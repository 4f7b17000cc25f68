using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Catalogue;
using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Economy.Strategies;
using static M2MSim.Economy.Tests.Scenarios.ScenarioAssert;

namespace M2MSim.Economy.Tests.Scenarios;

/// <summary>Catalogue defaults by device type (docs/devices.md), and the keys wear and data_policy.</summary>
public sealed class CatalogueTests
{
    // Line numbers matter: tests point into this text (the devices list starts at line 10, column 3).
    private const string Purifiers = """
        name: p
        ticks: 10
        markets:
          - resource: data
            price_range: [0.01, 10]
          - resource: service
            mechanism: call
            price_range: [1, 60]
        devices:
          - type: water-purifier
            count: 5
          - type: service-centre
            count: 1
        """;

    private static Scenario Parse(string yaml, params string[] overrides) => ScenarioLoader.Parse(yaml, "p.yaml", overrides);

    private static string WithPurifierKey(string line) => Purifiers.Replace("    count: 5", "    count: 5\n    " + line);

    [Fact]
    public void A_bare_water_purifier_gets_the_catalogue_profile()
    {
        var p = Parse(Purifiers).Populations[0];
        Assert.Equal(new StrategySpec(StrategyKind.ZiC), p.Strategy);
        Assert.Equal(Distribution.Uniform(20, 60), p.Wallet);
        Assert.Equal(1, p.Every);
        Assert.Equal(Distribution.Fixed(1), Assert.Single(p.Produces, kv => kv.Key == Resource.Data).Value);
        Assert.Equal(Distribution.Uniform(0.1, 0.4), p.Costs[Resource.Data]);
        Assert.Empty(p.Consumes);
        Assert.Equal(new WearSpec(100, Distribution.Uniform(2, 4), 0.2, Distribution.Fixed(40)), p.Wear);
        Assert.Equal(new DataPolicySpec(0.5, 0), p.DataPolicy);

        var centre = Parse(Purifiers).Populations[1];
        Assert.Equal(Distribution.Fixed(3), Assert.Single(centre.Produces).Value);
        Assert.Equal(Distribution.Uniform(5, 15), centre.Costs[Resource.Service]);
        Assert.Null(centre.Wear);
        Assert.Null(centre.DataPolicy);
    }

    [Fact]
    public void The_resolved_scenario_shows_the_filled_values()
    {
        var json = ScenarioJson.Serialize(Parse(Purifiers));
        Assert.Contains("\"wear\"", json, StringComparison.Ordinal);
        Assert.Contains("\"data_policy\"", json, StringComparison.Ordinal);
        Assert.Equal(json, ScenarioJson.Serialize(ScenarioJson.Deserialize(json)));
    }

    [Fact]
    public void A_key_the_population_gives_replaces_the_default_whole()
    {
        var p = Parse(WithPurifierKey("produces: {service: 1}\n    costs: {service: 2}\n    wear: {life: 50, use: 1, reorder: 0, value: 10}"))
            .Populations[0];
        // No per-resource merging: the default's data production is gone, not added to.
        Assert.Equal([Resource.Service], p.Produces.Keys);
        Assert.Equal([Resource.Service], p.Costs.Keys);
        Assert.Equal(new WearSpec(50, Distribution.Fixed(1), 0, Distribution.Fixed(10)), p.Wear);
        Assert.Equal(new DataPolicySpec(0.5, 0), p.DataPolicy); // not given: still the default
    }

    [Fact]
    public void An_override_can_change_a_default()
    {
        var p = Parse(Purifiers, "devices.water-purifier.wear.life=60", "devices.water-purifier.data_policy={share: 0.25, min_price: 0.5}").Populations[0];
        Assert.Equal(60, p.Wear!.Life);
        Assert.Equal(new DataPolicySpec(0.25, 0.5), p.DataPolicy);
    }

    [Fact]
    public void A_custom_type_gets_no_defaults()
    {
        var custom = Purifiers.Replace("type: water-purifier", "type: purifier");
        var e = Errors(custom);
        AssertError(Assert.Single(e, x => x.Path == "devices[0].strategy"), 10, 5, "devices[0].strategy", "missing required key 'strategy'");

        var p = Parse(custom.Replace("    count: 5", "    count: 5\n    strategy: zi-c")).Populations[0];
        Assert.Null(p.Wear);
        Assert.Null(p.DataPolicy);
        Assert.Empty(p.Produces);
        Assert.Equal(Distribution.Fixed(0), p.Wallet);
    }

    [Fact]
    public void Every_catalogue_profile_is_a_valid_population()
    {
        foreach (var type in DeviceCatalogue.Types)
        {
            var yaml = $$"""
                name: c
                ticks: 1
                markets:
                  - {resource: compute, price_range: [0.01, 5]}
                  - {resource: bandwidth, price_range: [0.01, 5]}
                  - {resource: data, price_range: [0.01, 10]}
                  - {resource: service, price_range: [1, 60]}
                devices:
                  - {type: {{type}}, count: 1}
                """;
            Assert.Equal(type, Assert.Single(Parse(yaml).Populations).Type);
        }
    }

    [Theory]
    [InlineData("wear: {life: 0, use: 1, reorder: 0.2, value: 40}", "devices[0].wear.life", 18, "must be")]
    [InlineData("wear: {life: 10, use: -1, reorder: 0.2, value: 40}", "devices[0].wear.use", 27, "")]
    [InlineData("wear: {life: 10, use: 1, reorder: 1.5, value: 40}", "devices[0].wear.reorder", 39, "")]
    [InlineData("wear: {life: 10, use: 1, reorder: 0.5}", "devices[0].wear.value", 11, "missing required key 'value'")]
    [InlineData("wear: {life: 10, use: 1, reorder: 0.5, value: 4, cost: 3}", "devices[0].wear.cost", 54, "unknown key 'cost'; allowed keys: life, use, reorder, value, start")]
    [InlineData("wear: {life: 10, use: 1, reorder: 0.5, value: 4, start: old}", "devices[0].wear.start", 61, "unknown start 'old'; valid: new")]
    [InlineData("wear: {life: 10, use: 0.4, reorder: 0.5, value: 4}", "devices[0].wear.use", 27, "never wears the part")]
    [InlineData("data_policy: {share: 1.5}", "devices[0].data_policy.share", 26, "")]
    [InlineData("data_policy: {min_price: -1}", "devices[0].data_policy.min_price", 30, "")]
    [InlineData("data_policy: {min_price: 10}", "devices[0].data_policy.min_price", 30, "must be below the data market's highest price (10)")]
    [InlineData("data_policy: {shares: 0.5}", "devices[0].data_policy.shares", 19, "unknown key 'shares'")]
    public void Bad_wear_and_data_policy_values_are_reported_with_line_and_field(string line, string path, int column, string message)
    {
        var e = Single(WithPurifierKey(line));
        AssertError(e, 12, column, path, message);
    }

    [Fact]
    public void A_spread_fleet_starts_with_parts_of_every_age_none_due_and_a_new_fleet_with_new_parts()
    {
        var spread = Parse(WithPurifierKey("wear: {life: 100, use: 3, reorder: 0.2, value: 40, start: spread}"), "devices.water-purifier.count=200");
        var builder = new PopulationBuilder(spread);
        var starts = Enumerable.Range(0, 200).Select(i => builder.Build(i).Wear!.Initial).ToArray();
        Assert.All(starts, s => Assert.InRange(s, 21, 100));
        Assert.True(starts.Distinct().Count() > 40, "the starting lives should spread over the range");
        Assert.True(starts.Average() is > 50 and < 70);

        var fresh = new PopulationBuilder(Parse(WithPurifierKey("wear: {life: 100, use: 3, reorder: 0.2, value: 40, start: new}")));
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(100, fresh.Build(i).Wear!.Initial));
        // Spreading the start draws after use and value, so it moves neither.
        var same = new PopulationBuilder(Parse(WithPurifierKey("wear: {life: 100, use: {uniform: [2, 4]}, reorder: 0.2, value: {uniform: [30, 50]}, start: spread}")));
        var plain = new PopulationBuilder(Parse(WithPurifierKey("wear: {life: 100, use: {uniform: [2, 4]}, reorder: 0.2, value: {uniform: [30, 50]}}")));
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(plain.Build(i).Wear!.Use, same.Build(i).Wear!.Use));
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(plain.Build(i).Values, same.Build(i).Values));
    }

    [Fact]
    public void A_unit_schedule_trader_of_a_known_type_gets_no_profile()
    {
        var yaml = """
            name: s
            ticks: 10
            markets:
              - resource: data
                price_range: [0.01, 10]
            devices:
              - type: data-buyer
                count: 2
                strategy: zi-c
                buys: {data: [5, 4]}
              - type: car
                count: 2
                strategy: zi-c
                sells: {data: [1, 2]}
            """;
        var scenario = Parse(yaml);
        Assert.All(scenario.Populations, p => Assert.Empty(p.Consumes));
        Assert.All(scenario.Populations, p => Assert.Empty(p.Produces));
        Assert.All(scenario.Populations, p => Assert.Equal(1, p.Every));
    }

    [Fact]
    public void Wear_without_a_service_market_is_refused_at_the_key()
    {
        var yaml = """
            name: w
            ticks: 10
            markets:
              - resource: data
                price_range: [0.01, 10]
            devices:
              - type: filter
                count: 2
                strategy: zi-c
                wear: {life: 10, use: 1, reorder: 0.2, value: 5}
            """;
        AssertError(Single(yaml), 10, 11, "devices[0].wear", "wear needs a market for 'service'");
    }

    [Fact]
    public void A_default_wear_without_a_service_market_is_reported_at_the_type_that_brought_it()
    {
        var yaml = Purifiers.Replace("  - resource: service\n    mechanism: call\n    price_range: [1, 60]\n", "")
            .Replace("\n  - type: service-centre\n    count: 1", "");
        var e = Single(yaml);
        AssertError(e, 7, 11, "devices[0].wear", "a default of type 'water-purifier'");
        Assert.Contains("wear needs a market for 'service'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_worn_population_does_not_also_consume_service_and_schedule_traders_take_neither_key()
    {
        var worn = Single(WithPurifierKey("consumes: {service: 1}\n    values: {service: 5}"));
        AssertError(worn, 12, 16, "devices[0].consumes.service", "buys service for its part only");

        var trader = Purifiers.Replace("  - type: service-centre\n    count: 1",
            "  - type: trader\n    count: 1\n    strategy: zi-c\n    buys: {data: [5]}\n    data_policy: {share: 0.5}");
        AssertError(Single(trader), 16, 18, "devices[1].data_policy", "not to unit-schedule traders");
    }

    [Fact]
    public void Wear_on_a_negotiated_service_market_is_refused()
    {
        var e = Errors(Purifiers.Replace("mechanism: call", "mechanism: negotiation"));
        Assert.Contains(e, x => x.Path == "devices[0].wear" && x.Message.Contains("not one with mechanism: negotiation", StringComparison.Ordinal));
    }
}
