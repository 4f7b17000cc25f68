using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Strategies;

public sealed class MarketTermsTests
{
    [Property(MaxTest = 1_000)]
    public Property Selling_at_or_above_the_gross_cost_never_loses_after_the_fee() =>
        Prop.ForAll(
            (from cost in Gen.Choose(0, int.MaxValue).Select(x => (long)x * 465) // up to ~10^12 micro-units
             from fee in Gen.OneOf(Gen.Choose(0, 999_999), Gen.Choose(999_000, 999_999))
             from above in Gen.Choose(0, 1_000)
             from quantity in Gen.Choose(1, 1_000_000)
             select (cost, fee, above, quantity)).ToArbitrary(),
            c =>
            {
                var terms = new MarketTerms(1, long.MaxValue, c.fee);
                var gross = terms.GrossCost(c.cost);
                var price = gross + c.above;
                var value = (Int128)price * c.quantity;
                var fee = value * c.fee / 1_000_000; // as the market charges it: rounded down
                // And it is the least such price: one micro-unit less would not cover the cost before rounding.
                var least = gross == 0 || (Int128)(gross - 1) * (1_000_000 - c.fee) < (Int128)c.cost * 1_000_000;
                return (value - fee >= (Int128)c.cost * c.quantity).Label("covers the cost").And(least).Label("least");
            });

    [Fact]
    public void The_terms_survive_a_json_round_trip()
    {
        // Devices are built on every silo from terms that travel as JSON: the fee must not be lost.
        var terms = new MarketTerms(3, 700, 12_345);
        Assert.Equal(terms, System.Text.Json.JsonSerializer.Deserialize<MarketTerms>(System.Text.Json.JsonSerializer.Serialize(terms)));
    }

    [Fact]
    public void Without_a_fee_the_gross_cost_is_the_cost()
    {
        Assert.Equal(1_234_567, new MarketTerms(1, 10, 0).GrossCost(1_234_567));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public void A_fee_outside_0_to_1_cannot_gross_up_a_cost(long feePpm)
    {
        Assert.Throws<InvalidOperationException>(() => new MarketTerms(1, 10, feePpm).GrossCost(1));
    }

    [Fact]
    public void A_cost_too_large_to_gross_up_throws()
    {
        Assert.Throws<OverflowException>(() => new MarketTerms(1, 10, 999_999).GrossCost(long.MaxValue / 2));
    }
}
