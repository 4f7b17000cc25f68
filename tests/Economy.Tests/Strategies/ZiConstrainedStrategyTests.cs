using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Strategies;

public sealed class ZiConstrainedStrategyTests
{
    private static readonly IStrategy Zic = ZiConstrainedStrategy.Instance;

    /// <summary>Bounds with 0 ≤ min ≤ max, a unit value or cost that may fall below, inside or above them, and a stream seed.</summary>
    private static Arbitrary<(MarketTerms Bounds, long Amount, ulong Seed)> Cases() =>
        (from min in Gen.Choose(0, 5_000_000)
         from width in Gen.OneOf(Gen.Constant(0), Gen.Choose(0, 5_000_000))
         from amount in Gen.OneOf(Gen.Constant((long)min), Gen.Constant((long)min + width), Gen.Choose(0, 12_000_000).Select(x => (long)x))
         from seed in Gen.Choose(int.MinValue, int.MaxValue)
         select (new MarketTerms(min, (long)min + width, 0), amount, (ulong)(uint)seed)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property A_bid_is_between_the_minimum_and_the_value_capped_by_the_maximum() =>
        Prop.ForAll(Cases(), c =>
        {
            var (bounds, value, seed) = c;
            var random = new RandomStream(seed, RandomPurpose.Strategy, 1, 1);
            var bid = Zic.Bid(value, bounds, ref random);
            return value < bounds.Min
                ? bid == 0
                : bid == 0 && bounds.Min == 0 || bid >= bounds.Min && bid <= Math.Min(value, bounds.Max);
        });

    [Property(MaxTest = 500)]
    public Property An_ask_is_between_the_cost_raised_to_the_minimum_and_the_maximum() =>
        Prop.ForAll(Cases(), c =>
        {
            var (bounds, cost, seed) = c;
            var random = new RandomStream(seed, RandomPurpose.Strategy, 1, 1);
            var ask = Zic.Ask(cost, bounds, ref random);
            return cost > bounds.Max
                ? ask == 0
                : ask == 0 && bounds.Min == 0 && cost == 0 || ask >= Math.Max(cost, bounds.Min) && ask <= bounds.Max;
        });

    [Property(MaxTest = 500)]
    public Property A_bid_never_exceeds_the_value_and_an_ask_never_undercuts_the_cost() =>
        Prop.ForAll(Cases(), c =>
        {
            var (bounds, amount, seed) = c;
            var random = new RandomStream(seed, RandomPurpose.Strategy, 2, 3);
            var bid = Zic.Bid(amount, bounds, ref random);
            var ask = Zic.Ask(amount, bounds, ref random);
            // Any trade happens at a price between a bid and an ask, so it is never at a loss.
            return (bid == 0 || bid <= amount) && (ask == 0 || ask >= amount);
        });

    [Fact]
    public void Bids_spread_over_the_whole_allowed_range()
    {
        var bounds = new MarketTerms(10, 100, 0);
        var random = new RandomStream(1, RandomPurpose.Strategy, 0, 0);
        var bids = Enumerable.Range(0, 2_000).Select(_ => Zic.Bid(50, bounds, ref random)).ToArray();
        var asks = Enumerable.Range(0, 2_000).Select(_ => Zic.Ask(50, bounds, ref random)).ToArray();
        Assert.Equal((10L, 50L), (bids.Min(), bids.Max()));
        Assert.Equal((50L, 100L), (asks.Min(), asks.Max()));
        Assert.InRange(bids.Average(), 28, 32); // uniform on [10, 50]: mean 30
        Assert.InRange(asks.Average(), 73, 77); // uniform on [50, 100]: mean 75
    }

    [Fact]
    public void It_does_not_quote_when_no_price_in_range_is_acceptable()
    {
        var bounds = new MarketTerms(10, 100, 0);
        var random = new RandomStream(1, RandomPurpose.Strategy, 0, 0);
        Assert.Equal(0, Zic.Bid(9, bounds, ref random));
        Assert.Equal(0, Zic.Ask(101, bounds, ref random));
        Assert.Equal(10, Zic.Bid(10, bounds, ref random));
        Assert.Equal(100, Zic.Ask(100, bounds, ref random));
    }
}
