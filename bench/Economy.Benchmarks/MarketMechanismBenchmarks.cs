using BenchmarkDotNet.Attributes;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;

namespace M2MSim.Benchmarks;

/// <summary>
/// One tick's clearing, per market mechanism, as the engines run it: built as a scenario's market is,
/// given the tick's orders, its results handed back once read. The CDA at more sizes and quote shapes
/// is <see cref="AuctionBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class MarketMechanismBenchmarks
{
    private Order[] _orders = [];
    private IMarketMechanism _market = null!;
    private int _tick;

    [Params(MarketMechanism.Cda, MarketMechanism.Call, MarketMechanism.Posted, MarketMechanism.Tender)]
    public MarketMechanism Mechanism { get; set; }

    [Params(10_000, 100_000)]
    public int Orders { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _market = MarketMechanisms.Create(new MarketSpec(Resource.Compute, Mechanism, Fee: 0.005, MinPrice: 0.1, MaxPrice: 2), seed: 1);
        var random = new RandomStream(1, RandomPurpose.Strategy, 0, 0);
        // 1–10 units at prices spread over 0.1–2 units of money, half bids and half asks.
        _orders = Enumerable.Range(0, Orders).Select(device =>
        {
            var side = device % 2 == 0 ? Side.Buy : Side.Sell;
            return new Order(OrderIds.For(device, Resource.Compute, side), device, Resource.Compute, side,
                (int)random.NextLong(1, 10), random.NextLong(100_000, 2_000_000));
        }).ToArray();
    }

    /// <summary>Ticks count up, so a tender's running jobs complete and a posted price moves as in a run.</summary>
    [Benchmark]
    public int Clear()
    {
        var clearing = _market.Clear(_tick++, _orders);
        var trades = clearing.Trades.Length;
        _market.Recycle(clearing);
        return trades;
    }
}
