using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Economy.Strategies;
using static M2MSim.Economy.Tests.Scenarios.ScenarioAssert;

namespace M2MSim.Economy.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    // Line numbers matter: tests below point into this text.
    private const string Full = """
        name: quickstart
        description: "free text"
        seed: 42
        ticks: 200
        markets:
          - resource: compute
            mechanism: cda
            fee: 0.01
            price_range: [0.01, 10]
          - resource: data
            price_range: [0.5, 20]
        devices:
          - type: edge-server
            count: 200
            strategy: zi-c
            wallet: 100
            every: 1
            produces: {compute: 10}
            consumes: {data: 2}
            values: {data: {uniform: [1, 3]}}
            costs: {compute: 0.5}
          - type: car
            count: 50
            strategy: {kind: fixed-margin, margin: 0.1}
            wallet: {normal: {mean: 20, sd: 5}}
            every: 3
            produces: {data: 1}
            consumes: {compute: {uniform: [1, 4]}}
            values: {compute: 2}
            costs: {data: 0.25}
        output:
          trades: false
        """;

    [Fact]
    public void Full_example_parses_into_the_model()
    {
        var s = ScenarioLoader.Parse(Full, "full.yaml");

        Assert.Equal("quickstart", s.Name);
        Assert.Equal("free text", s.Description);
        Assert.Equal(42UL, s.Seed);
        Assert.Equal(200, s.Ticks);
        Assert.False(s.Output.Trades);

        Assert.Equal(2, s.Markets.Count);
        Assert.Equal(new MarketSpec(Resource.Compute, MarketMechanism.Cda, 0.01, 0.01, 10), s.Markets[0]);
        Assert.Equal(new MarketSpec(Resource.Data, MarketMechanism.Cda, 0, 0.5, 20), s.Markets[1]);

        Assert.Equal(2, s.Populations.Count);
        var edge = s.Populations[0];
        Assert.Equal("edge-server", edge.Type);
        Assert.Equal(200, edge.Count);
        Assert.Equal(new StrategySpec(StrategyKind.ZiC), edge.Strategy);
        Assert.Equal(Distribution.Fixed(100), edge.Wallet);
        Assert.Equal(1, edge.Every);
        Assert.Equal(Distribution.Fixed(10), Assert.Single(edge.Produces, kv => kv.Key == Resource.Compute).Value);
        Assert.Equal(Distribution.Fixed(2), Assert.Single(edge.Consumes, kv => kv.Key == Resource.Data).Value);
        Assert.Equal(Distribution.Uniform(1, 3), Assert.Single(edge.Values).Value);
        Assert.Equal(Distribution.Fixed(0.5), Assert.Single(edge.Costs).Value);

        var car = s.Populations[1];
        Assert.Equal(new StrategySpec(StrategyKind.FixedMargin, 0.1), car.Strategy);
        Assert.Equal(Distribution.Normal(20, 5), car.Wallet);
        Assert.Equal(3, car.Every);
        Assert.Equal(Distribution.Uniform(1, 4), car.Consumes[Resource.Compute]);
        Assert.Equal(Distribution.Fixed(2), car.Values[Resource.Compute]);
        Assert.Equal(Distribution.Fixed(1), car.Produces[Resource.Data]);
        Assert.Equal(Distribution.Fixed(0.25), car.Costs[Resource.Data]);
        Assert.Equal(250, s.DeviceCount);
    }

    [Fact]
    public void Omitted_keys_take_their_defaults()
    {
        var s = ScenarioLoader.Parse(Minimal, "m.yaml");

        Assert.Equal("", s.Description);
        Assert.Equal(1UL, s.Seed);
        Assert.True(s.Output.Trades);
        Assert.Equal(MarketMechanism.Cda, s.Markets[0].Mechanism);
        Assert.Equal(0, s.Markets[0].Fee);
        var p = s.Populations[0];
        Assert.Equal(Distribution.Fixed(0), p.Wallet);
        Assert.Equal(1, p.Every);
        Assert.Empty(p.Produces);
        Assert.Empty(p.Consumes);
        Assert.Empty(p.Values);
        Assert.Empty(p.Costs);
    }

    [Fact]
    public void Unknown_key_lists_the_allowed_ones()
    {
        var e = Single(Minimal.Replace("    count: 1", "    count: 1\n    cuont: 2"));
        AssertError(e, 9, 5, "devices[0].cuont", "unknown key 'cuont'; allowed keys: type, count, strategy");
    }

    [Fact]
    public void Keys_are_case_sensitive()
    {
        var e = Single(Minimal.Replace("ticks: 10", "Ticks: 10\nticks: 10"));
        AssertError(e, 2, 1, "Ticks", "unknown key 'Ticks'");
    }

    [Fact]
    public void Duplicate_key_is_reported_where_it_repeats()
    {
        var e = Single(Minimal.Replace("ticks: 10", "ticks: 10\nticks: 20"));
        AssertError(e, 3, 1, "ticks", "duplicate key 'ticks' (first given at line 2, column 1)");
    }

    [Fact]
    public void String_where_a_number_is_expected()
    {
        var e = Single(Minimal.Replace("ticks: 10", "ticks: abc"));
        AssertError(e, 2, 8, "ticks", "expected an integer, got 'abc'");

        e = Single(Minimal.Replace("[1, 2]", "[1, abc]"));
        AssertError(e, 5, 22, "markets[0].price_range[1]", "expected a number, got 'abc'");
    }

    [Fact]
    public void Quoted_numbers_are_strings()
    {
        var e = Single(Minimal.Replace("ticks: 10", "ticks: \"10\""));
        AssertError(e, 2, 8, "ticks", "expected an integer, got '10'");
    }

    [Fact]
    public void Missing_required_key_points_at_the_parent_mapping()
    {
        var e = Single(Minimal.Replace("    count: 1\n", ""));
        AssertError(e, 7, 5, "devices[0].count", "missing required key 'count'");

        e = Single(Minimal.Replace("ticks: 10\n", ""));
        AssertError(e, 1, 1, "ticks", "missing required key 'ticks'");
    }

    [Fact]
    public void Negative_count()
    {
        var e = Single(Minimal.Replace("count: 1", "count: -5"));
        AssertError(e, 8, 12, "devices[0].count", "must be at least 0, got -5");
    }

    [Theory]
    [InlineData("ticks: 0", 2, 8, "ticks", "between 1 and 100000000")]
    [InlineData("ticks: 100000001", 2, 8, "ticks", "between 1 and 100000000")]
    [InlineData("ticks: 1.5", 2, 8, "ticks", "expected an integer, got '1.5'")]
    [InlineData("seed: -1\nticks: 10", 2, 7, "seed", "between 0 and 18446744073709551615")]
    [InlineData("seed: 18446744073709551616\nticks: 10", 2, 7, "seed", "between 0 and 18446744073709551615")]
    public void Out_of_range_integers(string ticksLine, int line, int column, string path, string message)
    {
        var e = Single(Minimal.Replace("ticks: 10", ticksLine));
        AssertError(e, line, column, path, message);
    }

    [Theory]
    [InlineData("[0, 2]", 5, 19, "markets[0].price_range[0]", "must be greater than 0")]
    [InlineData("[2, 2]", 5, 18, "markets[0].price_range", "min must be less than max")]
    [InlineData("[1, 2000000]", 5, 22, "markets[0].price_range[1]", "at most 1000000")]
    [InlineData("[1, .inf]", 5, 22, "markets[0].price_range[1]", "must be a finite number")]
    [InlineData("[1, 2, 3]", 5, 18, "markets[0].price_range", "expected two numbers [min, max], got 3")]
    [InlineData("5", 5, 18, "markets[0].price_range", "expected a list [min, max], got '5'")]
    public void Bad_price_ranges(string range, int line, int column, string path, string message)
    {
        var e = Single(Minimal.Replace("[1, 2]", range));
        AssertError(e, line, column, path, message);
    }

    [Fact]
    public void Fee_must_be_below_one()
    {
        var e = Single(Minimal.Replace("  - resource: compute", "  - resource: compute\n    fee: 1"));
        AssertError(e, 5, 10, "markets[0].fee", "must be at least 0 and less than 1, got 1");
    }

    [Fact]
    public void Unknown_names_list_the_valid_ones()
    {
        var e = Single(Minimal.Replace("resource: compute", "resource: cpu"));
        AssertError(e, 4, 15, "markets[0].resource", "unknown resource 'cpu'; valid resources: compute, bandwidth, data");

        e = Single(Minimal.Replace("strategy: zi-c", "strategy: greedy"));
        AssertError(e, 9, 15, "devices[0].strategy", "unknown strategy 'greedy'; valid strategies: zi-c, fixed-margin");

        e = Single(Minimal.Replace("  - resource: compute", "  - resource: compute\n    mechanism: auction"));
        AssertError(e, 5, 16, "markets[0].mechanism", "unknown mechanism 'auction'; valid mechanisms: cda, call, posted");

        e = Single(Minimal.Replace("    strategy: zi-c", "    strategy: zi-c\n    produces: {gpu: 1}"));
        AssertError(e, 10, 16, "devices[0].produces.gpu", "unknown resource 'gpu'");
    }

    [Fact]
    public void A_negative_margin_quotes_past_the_reservation_price()
    {
        var s = ScenarioLoader.Parse(Minimal.Replace("strategy: zi-c", "strategy: {kind: fixed-margin, margin: -0.25}"), "s.yaml");
        Assert.Equal(new StrategySpec(StrategyKind.FixedMargin, -0.25), s.Populations[0].Strategy);
    }

    [Fact]
    public void Strategy_mapping_is_checked()
    {
        var e = Single(Minimal.Replace("strategy: zi-c", "strategy: {kind: zi-c, margin: 0.1}"));
        AssertError(e, 9, 36, "devices[0].strategy.margin", "margin applies only to fixed-margin");

        e = Single(Minimal.Replace("strategy: zi-c", "strategy: {kind: fixed-margin, margin: 1.5}"));
        AssertError(e, 9, 44, "devices[0].strategy.margin", "less than 1");

        e = Single(Minimal.Replace("strategy: zi-c", "strategy: {kind: fixed-margin, margin: -1}"));
        AssertError(e, 9, 44, "devices[0].strategy.margin", "must be greater than -1 and less than 1, got -1");

        e = Single(Minimal.Replace("strategy: zi-c", "strategy: {margin: 0.5}"));
        AssertError(e, 9, 15, "devices[0].strategy.kind", "missing required key 'kind'");
    }

    [Fact]
    public void Duplicate_market_resource()
    {
        var e = Single(Minimal.Replace("devices:", "  - resource: compute\n    price_range: [1, 3]\ndevices:"));
        AssertError(e, 6, 15, "markets[1].resource", "(the first is at line 4, column 15)");
    }

    [Fact]
    public void Duplicate_population_type()
    {
        var e = Single(Minimal + "\n  - type: a\n    count: 2\n    strategy: zi-c\n");
        AssertError(e, 10, 11, "devices[1].type", "type 'a' is already used (at line 7, column 11)");
    }

    [Fact]
    public void Values_only_for_consumed_resources_and_costs_for_every_produced_one()
    {
        var yaml = Minimal.Replace("    strategy: zi-c", """
                strategy: zi-c
                produces: {compute: 1}
                values: {data: 2}
            """);
        var e = Fails(yaml);
        Assert.Equal(2, e.Errors.Count);
        AssertError(e.Errors[1], 11, 14, "devices[0].values.data", "'data' is not in consumes");
        AssertError(e.Errors[0], 7, 5, "devices[0].costs.compute", "missing cost for 'compute', which the population produces");
    }

    [Fact]
    public void Missing_value_points_at_the_values_mapping_when_there_is_one()
    {
        var yaml = Minimal.Replace("    strategy: zi-c", """
                strategy: zi-c
                consumes: {data: 1, compute: 2}
                values: {data: 2}
            """);
        AssertError(Single(yaml), 11, 13, "devices[0].values.compute", "missing value for 'compute'");
    }

    [Theory]
    [InlineData("wallet: -1", 10, 13, "devices[0].wallet", "must be at least 0")]
    [InlineData("wallet: {uniform: [3, 1]}", 10, 23, "devices[0].wallet.uniform", "low must not exceed high")]
    [InlineData("wallet: {uniform: [-1, 1]}", 10, 24, "devices[0].wallet.uniform[0]", "must be at least 0")]
    [InlineData("wallet: {normal: {mean: 1}}", 10, 22, "devices[0].wallet.normal.sd", "missing required key 'sd'")]
    [InlineData("wallet: {normal: {mean: 1, sd: -2}}", 10, 36, "devices[0].wallet.normal.sd", "must be at least 0")]
    [InlineData("wallet: {poisson: 3}", 10, 14, "devices[0].wallet.poisson", "unknown key 'poisson'; allowed keys: uniform, normal")]
    [InlineData("wallet: {}", 10, 13, "devices[0].wallet", "exactly one key")]
    [InlineData("wallet: [1, 2]", 10, 13, "devices[0].wallet", "expected a number, {uniform: [low, high]}")]
    [InlineData("every: 0", 10, 12, "devices[0].every", "must be at least 1")]
    public void Bad_population_values(string line, int l, int c, string path, string message)
    {
        var e = Single(Minimal.Replace("    strategy: zi-c", "    strategy: zi-c\n    " + line));
        AssertError(e, l, c, path, message);
    }

    [Fact]
    public void Name_must_be_usable_in_folder_names()
    {
        var e = Single(Minimal.Replace("name: m", "name: my run"));
        AssertError(e, 1, 7, "name", "may only contain");
    }

    [Fact]
    public void Total_device_count_must_be_positive()
    {
        var e = Single(Minimal.Replace("count: 1", "count: 0"));
        AssertError(e, 7, 3, "devices", "total device count must be between 1 and 2147483647, got 0");
    }

    [Fact]
    public void Empty_sequences_are_rejected()
    {
        var e = Single(Minimal.Replace("markets:\n  - resource: compute\n    price_range: [1, 2]", "markets: []"));
        AssertError(e, 3, 10, "markets", "at least one market");
    }

    [Fact]
    public void Byte_order_mark_is_ignored()
    {
        Assert.Equal("m", ScenarioLoader.Parse("\uFEFF" + Minimal, "m.yaml").Name);
    }

    [Fact]
    public void Empty_file()
    {
        AssertError(Single(""), 1, 1, "(root)", "the file is empty");
        AssertError(Single("# only a comment\n"), 1, 1, "(root)", "the file is empty");
    }

    [Fact]
    public void Root_must_be_a_mapping()
    {
        AssertError(Single("- a\n- b\n"), 1, 1, "(root)", "the file must be a mapping");
        AssertError(Single("just text"), 1, 1, "(root)", "got 'just text'");
    }

    [Fact]
    public void Syntax_errors_carry_the_parser_position()
    {
        var e = Single("name: a\nticks: 'open\n");
        AssertError(e, 2, 8, "(syntax)", "quoted scalar");

        // YamlDotNet throws InvalidOperationException for this one; it must still be a ScenarioException.
        e = Single("name: a\nticks: [1, 2\nb: 3\n");
        Assert.Equal("(syntax)", e.Path);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Second_document_is_rejected()
    {
        var e = Fails(Minimal + "\n---\nname: other\n");
        AssertError(e.Errors[0], 10, 1, "(syntax)", "single YAML document");
    }

    [Fact]
    public void Unknown_alias_is_located()
    {
        var e = Single(Minimal.Replace("ticks: 10", "ticks: *t"));
        AssertError(e, 2, 8, "ticks", "unknown alias '*t'");
    }

    [Fact]
    public void Anchors_and_aliases_work()
    {
        var s = ScenarioLoader.Parse(Minimal.Replace("ticks: 10", "ticks: &t 10\nseed: *t"), "a.yaml");
        Assert.Equal(10UL, s.Seed);
    }

    [Fact]
    public void All_errors_are_reported_in_file_order()
    {
        const string yaml = """
            name: bad name
            ticks: -3
            ticks: 4
            markets:
              - resource: cpu
                price_range: [2, 1]
            devices:
              - type: a
                count: many
                strategy: zi-c
                colour: red
            """;
        var e = Fails(yaml);
        Assert.Equal(
            [
                (1, 7, "name"),
                (2, 8, "ticks"),
                (3, 1, "ticks"),
                (5, 15, "markets[0].resource"),
                (6, 18, "markets[0].price_range"),
                (9, 12, "devices[0].count"),
                (11, 5, "devices[0].colour"),
            ],
            e.Errors.Select(x => (x.Line, x.Column, x.Path)));
        Assert.Equal(string.Join(Environment.NewLine, e.Errors), e.Message);
        Assert.Equal("s.yaml:9:12: devices[0].count: expected an integer, got 'many'", e.Errors[5].ToString());
    }

    [Fact]
    public void Missing_file_is_a_scenario_error()
    {
        var path = Path.Combine(Path.GetTempPath(), "m2msim-no-such-scenario-" + Guid.NewGuid().ToString("N") + ".yaml");
        var e = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path)).Errors);
        Assert.Equal((path, 0, 0, "(file)"), (e.File, e.Line, e.Column, e.Path));
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_reads_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "m2msim-scenario-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, Full);
        try
        {
            Assert.Equal("quickstart", ScenarioLoader.Load(path, ["ticks=7"]).Name);
            Assert.Equal(7, ScenarioLoader.Load(path, ["ticks=7"]).Ticks);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
