using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Strategies;

public sealed class FixedMarginStrategyTests
{
    private static RandomStream Random() => new(0, RandomPurpose.Strategy, 0, 0);

    private static Arbitrary<(MarketTerms Bounds, long Amount)> Cases() =>
        (from min in Gen.Choose(1, 5_000_000)
         from width in Gen.Choose(0, 5_000_000)
         from amount in Gen.OneOf(Gen.Constant((long)min), Gen.Constant((long)min + width), Gen.Choose(0, 12_000_000).Select(x => (long)x))
         select (new MarketTerms(min, (long)min + width, 0), amount)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Margin_zero_bids_the_value_within_the_bounds() =>
        Prop.ForAll(Cases(), c =>
        {
            var (bounds, value) = c;
            var random = Random();
            var bid = new FixedMarginStrategy(0).Bid(value, bounds, ref random);
            var expected = value < bounds.Min ? 0 : Math.Min(value, bounds.Max);
            return (bid == expected).Label($"bid {bid}, expected {expected}");
        });

    [Property(MaxTest = 500)]
    public Property Margin_zero_asks_the_cost_within_the_bounds() =>
        Prop.ForAll(Cases(), c =>
        {
            var (bounds, cost) = c;
            var random = Random();
            var ask = new FixedMarginStrategy(0).Ask(cost, bounds, ref random);
            var expected = cost > bounds.Max ? 0 : Math.Max(cost, bounds.Min);
            return (ask == expected).Label($"ask {ask}, expected {expected}");
        });

    [Property(MaxTest = 500)]
    public Property A_margin_shades_the_bid_down_and_the_ask_up() =>
        Prop.ForAll(Cases().Zip(Gen.Choose(0, 999).Select(x => x / 1000.0).ToArbitrary()), c =>
        {
            var ((bounds, amount), margin) = c;
            var strategy = new FixedMarginStrategy(margin);
            var random = Random();
            var bid = strategy.Bid(amount, bounds, ref random);
            var ask = strategy.Ask(amount, bounds, ref random);
            var shadedBid = Math.Round((decimal)amount * (1 - (decimal)margin), MidpointRounding.ToEven);
            var shadedAsk = Math.Round((decimal)amount * (1 + (decimal)margin), MidpointRounding.ToEven);
            // One micro-unit of slack for the double arithmetic inside the strategy.
            var bidOk = shadedBid < bounds.Min - 1 ? bid == 0
                : shadedBid > bounds.Max + 1 ? bid == bounds.Max
                : bid == 0 || Math.Abs(bid - shadedBid) <= 1;
            var askOk = shadedAsk > bounds.Max + 1 ? ask == 0
                : shadedAsk < bounds.Min - 1 ? ask == bounds.Min
                : ask == 0 || Math.Abs(ask - shadedAsk) <= 1;
            var bounded = (bid == 0 || bid >= bounds.Min && bid <= bounds.Max && bid <= amount)
                && (ask == 0 || ask >= bounds.Min && ask <= bounds.Max && ask >= amount);
            return bidOk.Label($"bid {bid} vs {shadedBid}").And(askOk).Label($"ask {ask} vs {shadedAsk}").And(bounded).Label("within bounds, no loss");
        });

    [Theory]
    [InlineData(0.1, 1_000_000L, 900_000L, 1_100_000L)]
    [InlineData(0.25, 2_000_000L, 1_500_000L, 2_500_000L)]
    [InlineData(0.5, 3L, 2L, 4L)] // 1.5 → 2 and 4.5 → 4: half to even
    [InlineData(-0.2, 1_000_000L, 1_200_000L, 800_000L)] // negative: past the reservation price, a losing deviation
    public void A_margin_gives_the_expected_quotes(double margin, long amount, long bid, long ask)
    {
        var strategy = new FixedMarginStrategy(margin);
        var bounds = new MarketTerms(1, 10_000_000, 0);
        var random = Random();
        Assert.Equal(bid, strategy.Bid(amount, bounds, ref random));
        Assert.Equal(ask, strategy.Ask(amount, bounds, ref random));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-1.5)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Invalid_margins_throw(double margin) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedMarginStrategy(margin));

    [Fact]
    public void StrategySpec_creates_the_strategy_it_names()
    {
        Assert.IsType<FixedMarginStrategy>(new StrategySpec(StrategyKind.FixedMargin, 0.2).Create(1, 0));
        Assert.Same(ZiConstrainedStrategy.Instance, new StrategySpec(StrategyKind.ZiC).Create(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StrategySpec(StrategyKind.FixedMargin, 1.2).Create(1, 0));
        Assert.True(StrategySpec.TryParseKind("fixed-margin", out var k) && k == StrategyKind.FixedMargin);
        Assert.True(StrategySpec.TryParseKind("zi-c", out k) && k == StrategyKind.ZiC);
        Assert.False(StrategySpec.TryParseKind("ZI-C", out _));
    }
}
