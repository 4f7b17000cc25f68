using M2MSim.Economy.Devices;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Economy.Strategies;
using static M2MSim.Economy.Tests.Scenarios.ScenarioAssert;

namespace M2MSim.Economy.Tests.Scenarios;

/// <summary>The unit-schedule keys: buys, sells, quote, periods and shifts.</summary>
public sealed class ScheduleLoaderTests
{
    // Line numbers matter: tests below point into this text.
    private const string Classic = """
        name: classic
        ticks: 120
        periods:
          length: 30
          shifts:
            - period: 2
              population: b1
              buys: {data: [190, 170]}
        markets:
          - resource: data
            price_range: [1, 200]
        devices:
          - type: b1
            count: 1
            strategy: zip
            wallet: 1000
            buys: {data: [150, 200, 180]}
          - type: s1
            count: 2
            strategy: zi-u
            sells: {data: [50, 70]}
            quote: all
        """;

    [Fact]
    public void Schedules_quote_mode_periods_and_shifts_parse_into_the_model()
    {
        var s = ScenarioLoader.Parse(Classic, "classic.yaml");

        var b1 = s.Populations[0];
        Assert.True(b1.HasSchedules);
        Assert.Equal(new StrategySpec(StrategyKind.Zip), b1.Strategy);
        Assert.Equal([150.0, 200, 180], b1.Buys![Resource.Data]); // as written; the builder sorts
        Assert.Null(b1.Sells);
        Assert.Equal(QuoteMode.One, b1.Quote);
        Assert.Empty(b1.Produces);

        var s1 = s.Populations[1];
        Assert.Equal([50.0, 70], s1.Sells![Resource.Data]);
        Assert.Equal(QuoteMode.All, s1.Quote);
        Assert.Equal(new StrategySpec(StrategyKind.ZiU), s1.Strategy);

        Assert.Equal(30, s.Periods!.Length);
        var shift = Assert.Single(s.Periods.Shifts);
        Assert.Equal((2, "b1"), (shift.Period, shift.Population));
        Assert.Equal([190.0, 170], shift.Buys![Resource.Data]);
        Assert.Equal((30, 4), (s.PeriodLength, s.PeriodCount));
    }

    [Fact]
    public void The_builder_sorts_schedules_and_resolves_shifts_into_regimes()
    {
        var s = ScenarioLoader.Parse(Classic, "classic.yaml");
        var builder = new PopulationBuilder(s);
        var buyer = builder.Build(0).Schedule!;
        Assert.Equal(30, buyer.PeriodLength);
        Assert.Equal([200_000_000L, 180_000_000, 150_000_000], buyer.RegimeOf(1).Buys[(int)Resource.Data]);
        Assert.Equal([190_000_000L, 170_000_000], buyer.RegimeOf(2).Buys[(int)Resource.Data]);
        Assert.Equal(2, buyer.RegimeOf(3).FromPeriod);
        Assert.Equal([50_000_000L, 70_000_000], builder.Build(2).Schedule!.RegimeOf(3).Sells[(int)Resource.Data]);
    }

    [Fact]
    public void New_strategy_names_are_accepted()
    {
        foreach (var name in new[] { "zi-u", "truthful", "zip" })
            Assert.Equal(name, ScenarioLoader.Parse(Classic, "c.yaml", [$"devices.b1.strategy={name}"]).Populations[0].Strategy.Name);
    }

    [Fact]
    public void Without_periods_the_run_is_one_period()
    {
        var s = ScenarioLoader.Parse(Classic.Replace("""
            periods:
              length: 30
              shifts:
                - period: 2
                  population: b1
                  buys: {data: [190, 170]}

            """, ""), "c.yaml");
        Assert.Null(s.Periods);
        Assert.Equal((120, 1), (s.PeriodLength, s.PeriodCount));
        Assert.Equal(int.MaxValue, new PopulationBuilder(s).Build(0).Schedule!.PeriodLength);
    }

    [Fact]
    public void A_population_cannot_mix_schedules_with_production()
    {
        var e = Assert.Single(Errors(Classic.Replace("    buys: {data: [150, 200, 180]}", "    buys: {data: [150, 200, 180]}\n    produces: {data: 1}\n    costs: {data: 1}")));
        AssertError(e, 17, 11, "devices[0].buys", "either from unit schedules (buys, sells) or by producing and consuming");
    }

    [Fact]
    public void A_resource_cannot_be_bought_and_sold_by_one_population()
    {
        var e = Assert.Single(Errors(Classic.Replace("    buys: {data: [150, 200, 180]}", "    buys: {data: [150, 200, 180]}\n    sells: {data: [1]}")));
        AssertError(e, 18, 13, "devices[0].sells.data", "in both buys and sells");
    }

    [Theory]
    [InlineData("[]", "devices[0].buys.data", "a schedule has 1 to 512 units, got 0")]
    [InlineData("[150, -1]", "devices[0].buys.data[1]", "must be at least 0 and at most 1000000, got -1")]
    [InlineData("150", "devices[0].buys.data", "expected a list of unit values or costs")]
    public void Bad_schedules_are_reported_at_their_place(string list, string path, string message)
    {
        var e = Assert.Single(Errors(Classic.Replace("[150, 200, 180]", list)));
        Assert.Equal(path, e.Path);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schedule_has_at_most_512_units()
    {
        var units = string.Join(", ", Enumerable.Repeat(1, 513));
        var e = Assert.Single(Errors(Classic.Replace("[150, 200, 180]", $"[{units}]")));
        AssertError(e, 17, 18, "devices[0].buys.data", "a schedule has 1 to 512 units, got 513");
        ScenarioLoader.Parse(Classic.Replace("[150, 200, 180]", $"[{string.Join(", ", Enumerable.Repeat(1, 512))}]"), "ok.yaml");
    }

    [Fact]
    public void Schedules_name_resources()
    {
        var e = Assert.Single(Errors(Classic.Replace("buys: {data: [150", "buys: {cpu: [150")));
        AssertError(e, 17, 12, "devices[0].buys.cpu", "unknown resource 'cpu'");
    }

    [Fact]
    public void Quote_needs_schedules_and_a_known_mode()
    {
        var unknown = Assert.Single(Errors(Classic.Replace("quote: all", "quote: some")));
        AssertError(unknown, 22, 12, "devices[1].quote", "unknown quote mode 'some'; valid modes: one, all");

        var withoutSchedules = Assert.Single(Errors(Classic.Replace("    sells: {data: [50, 70]}", "    produces: {data: 1}\n    costs: {data: 1}")));
        Assert.Equal("devices[1].quote", withoutSchedules.Path);
        Assert.Contains("only to populations with unit schedules", withoutSchedules.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Period_length_is_required_and_positive()
    {
        AssertError(Assert.Single(Errors(Classic.Replace("length: 30", "length: 0"))), 4, 11, "periods.length", "must be between 1 and 100000000, got 0");
        AssertError(Assert.Single(Errors(Classic.Replace("  length: 30\n", ""))), 4, 3, "periods.length", "missing required key 'length'");
        AssertError(Assert.Single(Errors(Classic.Replace("  length: 30", "  length: 30\n  lenght: 3"))), 5, 3, "periods.lenght", "unknown key 'lenght'; allowed keys: length, shifts");
    }

    [Fact]
    public void Shifts_are_checked_against_the_populations()
    {
        var unknown = Assert.Single(Errors(Classic.Replace("population: b1", "population: b9")));
        AssertError(unknown, 7, 19, "periods.shifts[0].population", "unknown population 'b9'; populations with unit schedules: b1, s1");

        var wrongSide = Assert.Single(Errors(Classic.Replace("      buys: {data: [190, 170]}", "      sells: {data: [190, 170]}")));
        AssertError(wrongSide, 8, 15, "periods.shifts[0].sells.data", "population 'b1' has no sells schedule for 'data'");

        var empty = Assert.Single(Errors(Classic.Replace("      buys: {data: [190, 170]}\n", "")));
        AssertError(empty, 6, 7, "periods.shifts[0].buys", "a shift gives the new schedule: buys, sells or both");

        var period = Assert.Single(Errors(Classic.Replace("period: 2", "period: 0")));
        AssertError(period, 6, 15, "periods.shifts[0].period", "must be between 1 and 100000000, got 0");
    }

    [Fact]
    public void A_population_is_shifted_at_most_once_per_period()
    {
        var twice = Classic.Replace("      buys: {data: [190, 170]}", "      buys: {data: [190, 170]}\n    - {period: 2, population: b1, buys: {data: [1]}}");
        var e = Assert.Single(Errors(twice));
        AssertError(e, 9, 7, "periods.shifts[1]", "population 'b1' is already shifted in period 2 (at line 6, column 7)");
    }

    [Fact]
    public void A_shift_of_a_population_without_schedules_is_an_error()
    {
        var yaml = Classic.Replace("population: b1", "population: p")
            + "\n  - {type: p, count: 1, strategy: zi-c, produces: {data: 1}, costs: {data: 1}}";
        var e = Assert.Single(Errors(yaml));
        Assert.Equal("periods.shifts[0].population", e.Path);
        Assert.Contains("population 'p' has no unit schedules (buys or sells) to shift", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Periods_can_be_set_from_the_command_line()
    {
        var s = ScenarioLoader.Parse(Classic, "c.yaml", ["periods.length=10", "devices.s1.quote=one"]);
        Assert.Equal(10, s.Periods!.Length);
        Assert.Equal(QuoteMode.One, s.Populations[1].Quote);

        var e = Assert.Single(Errors(Classic, "periods.length=-1"));
        Assert.Equal(("--set", "periods.length"), (e.File, e.Path));
    }
}
