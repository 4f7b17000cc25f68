using M2MSim.Economy.Randomness;

namespace M2MSim.Economy.Strategies;

/// <summary>
/// ZI-U (Gode &amp; Sunder 1993): bids and asks uniformly over the market's whole price range,
/// ignoring the value or cost it is given, so it can buy above its value and sell below its cost.
/// The paper's ZI-U also has no budget constraint; here the device still escrows every bid, so a
/// ZI-U buyer whose bid exceeds its free balance does not quote (it can lose surplus, never
/// money it does not have).
/// </summary>
public sealed class ZiUnconstrainedStrategy : IStrategy
{
    public static readonly ZiUnconstrainedStrategy Instance = new();

    private ZiUnconstrainedStrategy()
    {
    }

    public long Bid(long value, MarketTerms market, ref RandomStream random) => random.NextLong(market.Min, market.Max);

    public long Ask(long cost, MarketTerms market, ref RandomStream random) => random.NextLong(market.Min, market.Max);
}
