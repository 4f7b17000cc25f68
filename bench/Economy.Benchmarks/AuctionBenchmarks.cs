using BenchmarkDotNet.Attributes;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Resources;

namespace M2MSim.Benchmarks;

/// <summary>Clearing one tick of a continuous double auction: the markets' share of a tick.</summary>
[MemoryDiagnoser]
public class AuctionBenchmarks
{
    private Order[] _orders = [];
    private readonly ContinuousDoubleAuction _auction = new(Resource.Compute, 5_000, seed: 1);

    [Params(1_000, 100_000, 1_000_000)]
    public int Orders { get; set; }

    /// <summary>"spread": 1–10 units at prices spread over 0.1–2 units of money; "zic": the market model's one-unit ZI-C quotes.</summary>
    [Params("spread", "zic")]
    public string Quotes { get; set; } = "spread";

    [GlobalSetup]
    public void Setup()
    {
        var random = new RandomStream(1, RandomPurpose.Strategy, 0, 0);
        _orders = Enumerable.Range(0, Orders).Select(device =>
        {
            var side = device % 2 == 0 ? Side.Buy : Side.Sell;
            if (Quotes == "zic")
            {
                // Buyers bid uniformly in 1..value, sellers ask uniformly in cost..200; value and cost uniform in 1..200.
                // As in the market model, on the micro-unit grid: nearly every quote has a price of its own.
                var limit = random.NextLong(1_000_000, 200_000_000);
                var price = side == Side.Buy ? random.NextLong(1_000_000, limit) : random.NextLong(limit, 200_000_000);
                return new Order(OrderIds.For(device, Resource.Compute, side), device, Resource.Compute, side, 1, price);
            }
            return new Order(OrderIds.For(device, Resource.Compute, side), device, Resource.Compute, side,
                (int)random.NextLong(1, 10), random.NextLong(100_000, 2_000_000));
        }).ToArray();
    }

    [Benchmark]
    public int Clear() => _auction.Clear(0, _orders).Trades.Length;
}
