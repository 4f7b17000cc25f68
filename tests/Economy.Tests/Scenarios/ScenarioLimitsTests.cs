using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;
using static M2MSim.Economy.Tests.Scenarios.ScenarioAssert;

namespace M2MSim.Economy.Tests.Scenarios;

/// <summary>
/// The limits that keep every amount of a valid scenario inside a <c>long</c> of micro-units, and
/// every price and fee meaningful once rounded to micro-units and parts per million.
/// </summary>
public sealed class ScenarioLimitsTests
{
    private static Scenario Parses(string yaml) => ScenarioLoader.Parse(yaml, "s.yaml");

    private static string WithPopulation(string extra) => Minimal.Replace("    strategy: zi-c", "    strategy: zi-c\n    " + extra);

    [Fact]
    public void Total_initial_money_above_1e12_is_reported_at_devices()
    {
        // Each wallet is within its own bound; ten of them wrapped the money supply.
        var e = Single(Minimal.Replace("count: 1", "count: 10").Replace("    strategy: zi-c", "    strategy: zi-c\n    wallet: 1000000000000"));
        AssertError(e, 7, 3, "devices", "total initial money");
        Assert.Contains("10000000000000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Total_initial_money_counts_the_largest_draw_of_every_population()
    {
        var two = Minimal + """

              - type: b
                count: 4
                strategy: zi-c
                wallet: {normal: {mean: 100000000000, sd: 20000000000}}
            """;
        // 1 × 10 + 4 × (1e11 + 6 × 2e10) = 8.8e11 + 10: fits.
        Parses(two.Replace("    strategy: zi-c\n  - type: b", "    strategy: zi-c\n    wallet: 10\n  - type: b"));
        // 1 × 2e11 + 4 × 2.2e11 = 1.08e12: does not, though each population alone would.
        var e = Single(two.Replace("    strategy: zi-c\n  - type: b", "    strategy: zi-c\n    wallet: {uniform: [0, 200000000000]}\n  - type: b"));
        AssertError(e, 7, 3, "devices", "got 1080000000000");
    }

    [Fact]
    public void Total_initial_money_of_exactly_1e12_is_allowed()
    {
        var s = Parses(Minimal.Replace("count: 1", "count: 4").Replace("    strategy: zi-c", "    strategy: zi-c\n    wallet: 250000000000"));
        Assert.Equal(4, s.DeviceCount);
    }

    [Theory]
    [InlineData("values: {compute: 1000001}", "consumes: {compute: 1}", 10, 23, "devices[0].values.compute", "at most 1000000")]
    [InlineData("costs: {compute: {uniform: [1, 2000000]}}", "produces: {compute: 1}", 10, 36, "devices[0].costs.compute.uniform[1]", "at most 1000000")]
    [InlineData("produces: {compute: 1000001}", "costs: {compute: 1}", 10, 25, "devices[0].produces.compute", "at most 1000000")]
    [InlineData("consumes: {compute: {normal: {mean: 1000000, sd: 1}}}", "values: {compute: 1}", 10, 34, "devices[0].consumes.compute.normal", "at most 1000000")]
    public void Per_unit_prices_and_units_per_tick_are_at_most_1e6(string bad, string companion, int line, int column, string path, string message)
    {
        var e = Single(WithPopulation(bad + "\n    " + companion));
        AssertError(e, line, column, path, message);
    }

    [Fact]
    public void Per_unit_prices_and_units_per_tick_of_exactly_1e6_are_allowed()
    {
        var s = Parses(WithPopulation("produces: {compute: 1000000}\n    costs: {compute: 1000000}\n    consumes: {data: 1000000}\n    values: {data: 1000000}")
            .Replace("[1, 2]", "[1, 1000000]"));
        Assert.Equal(1_000_000, s.Markets[0].MaxPrice);
    }

    [Fact]
    public void Price_range_max_is_at_most_1e6()
    {
        var e = Single(Minimal.Replace("[1, 2]", "[1, 1000000.5]"));
        AssertError(e, 5, 22, "markets[0].price_range[1]", "at most 1000000");
    }

    [Theory]
    [InlineData("[1e-7, 4e-7]")]
    [InlineData("[0.0000005, 1]")] // half a micro-unit rounds to even: 0
    public void Price_range_min_must_be_at_least_one_micro_unit_after_rounding(string range)
    {
        var e = Single(Minimal.Replace("[1, 2]", range));
        AssertError(e, 5, 19, "markets[0].price_range[0]", "rounds to 0 micro-units");
    }

    [Fact]
    public void Price_range_ends_that_round_to_the_same_micro_unit_are_an_error()
    {
        var e = Single(Minimal.Replace("[1, 2]", "[0.0000011, 0.0000014]"));
        AssertError(e, 5, 18, "markets[0].price_range", "round to the same micro-unit (0.000001)");
    }

    [Fact]
    public void Prices_with_more_than_six_decimals_round_and_are_fine()
    {
        var s = Parses(Minimal.Replace("[1, 2]", "[0.0000014, 0.0000026]"));
        Assert.Equal((1L, 3L), (s.Markets[0].Terms.Min, s.Markets[0].Terms.Max));
    }

    [Fact]
    public void A_fee_that_rounds_to_one_million_ppm_is_an_error()
    {
        var e = Single(Minimal.Replace("  - resource: compute", "  - resource: compute\n    fee: 0.9999996"));
        AssertError(e, 5, 10, "markets[0].fee", "rounds to 1000000 ppm");

        var s = Parses(Minimal.Replace("  - resource: compute", "  - resource: compute\n    fee: 0.9999994"));
        Assert.Equal(999_999, s.Markets[0].FeePpm);
    }

    [Property(MaxTest = 300)]
    public Property A_draw_never_exceeds_the_largest_value_the_validator_checks() =>
        Prop.ForAll(
            (from kind in Gen.Elements(DistributionKind.Uniform, DistributionKind.Normal)
             from a in Gen.Choose(0, 1_000_000)
             from b in Gen.Choose(0, 1_000_000)
             from seed in Gen.Choose(0, int.MaxValue)
             select (kind, a, b, seed)).ToArbitrary(),
            c =>
            {
                var d = c.kind == DistributionKind.Uniform
                    ? Distribution.Uniform(Math.Min(c.a, c.b) * 1e6, Math.Max(c.a, c.b) * 1e6)
                    : Distribution.Normal(c.a * 1e6, c.b * 1e6);
                var random = new RandomStream((ulong)c.seed, RandomPurpose.Population, 0, 0);
                for (var i = 0; i < 100; i++)
                {
                    var x = d.Sample(ref random);
                    if (x < 0 || x > d.Max) return false;
                }
                return true;
            });
}
