using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Strategies;

public sealed class ZiUnconstrainedStrategyTests
{
    private static readonly MarketTerms Market = new(1_000_000, 200_000_000, 0); // [1, 200] money units

    [Fact]
    public void Quotes_cover_the_whole_range_whatever_the_value_or_cost()
    {
        long lowestBid = long.MaxValue, highestAsk = 0;
        for (var tick = 0; tick < 2_000; tick++)
        {
            var random = new RandomStream(3, RandomPurpose.Strategy, 1, tick);
            var bid = ZiUnconstrainedStrategy.Instance.Bid(10_000_000, Market, ref random);   // value 10
            var ask = ZiUnconstrainedStrategy.Instance.Ask(150_000_000, Market, ref random);  // cost 150
            Assert.InRange(bid, Market.Min, Market.Max);
            Assert.InRange(ask, Market.Min, Market.Max);
            lowestBid = Math.Min(lowestBid, bid);
            highestAsk = Math.Max(highestAsk, ask);
        }
        Assert.True(lowestBid < 5_000_000, "a ZI-U bid is not tied to the value");
        Assert.True(highestAsk > 195_000_000);
    }

    [Fact]
    public void Some_buyers_bid_above_their_value_and_some_sellers_ask_below_their_cost()
    {
        // Over many draws, a buyer with value 100 bids above it and a seller with cost 100 asks below
        // it about half the time: ZI-U trades can lose money (Gode & Sunder 1993).
        int over = 0, under = 0;
        for (var tick = 0; tick < 1_000; tick++)
        {
            var random = new RandomStream(11, RandomPurpose.Strategy, 2, tick);
            if (ZiUnconstrainedStrategy.Instance.Bid(100_000_000, Market, ref random) > 100_000_000) over++;
            if (ZiUnconstrainedStrategy.Instance.Ask(100_000_000, Market, ref random) < 100_000_000) under++;
        }
        Assert.InRange(over, 400, 600);
        Assert.InRange(under, 400, 600);
    }

    [Fact]
    public void A_zi_u_buyer_can_lose_surplus_on_a_trade()
    {
        // Fill each bid of a value-50 buyer at its own price: the realised surplus sums to a loss.
        long surplus = 0;
        for (var tick = 0; tick < 200; tick++)
        {
            var device = Buyer(value: 50_000_000, balance: 1_000_000_000, tick);
            var bid = Assert.Single(device.Step(tick, [], final: false).Orders);
            device.Step(tick + 1, [new OrderResult(bid.Id, bid.Device, bid.Resource, bid.Side, 1, bid.LimitPrice, 1, bid.LimitPrice, 0)], final: true);
            surplus += device.Snapshot().Surplus;
        }
        Assert.True(surplus < 0, $"expected a loss over many ZI-U trades, got {surplus}");
    }

    [Property(MaxTest = 300)]
    public Property A_zi_u_buyer_never_escrows_more_than_its_wallet() =>
        Prop.ForAll(
            (from balance in Gen.Choose(0, 300)
             from tick in Gen.Choose(0, 10_000)
             select (balance, tick)).ToArbitrary(),
            c =>
            {
                var device = Buyer(value: 50_000_000, balance: c.balance * 1_000_000L, c.tick);
                var orders = device.Step(c.tick, [], final: false).Orders;
                var s = device.Snapshot();
                return s.Balance >= 0 && s.Escrow == orders.Sum(o => o.LimitPrice * o.Quantity) && s.Balance + s.Escrow == c.balance * 1_000_000L;
            });

    private static Device Buyer(long value, long balance, int seed)
    {
        long[][] none = [[], [], [], []];
        var schedule = new DeviceSchedule(int.MaxValue, QuoteMode.One, [new ScheduleRegime(0, [[], [], [value], []], none)]);
        return new Device(new DeviceSpec(seed, "zi-u", new StrategySpec(StrategyKind.ZiU), balance, [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0],
            1, 0, [Market, Market, Market, Market], 1, schedule));
    }
}
