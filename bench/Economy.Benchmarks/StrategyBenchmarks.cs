using BenchmarkDotNet.Attributes;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Strategies;

namespace M2MSim.Benchmarks;

/// <summary>
/// Pricing a quote, per market strategy: what each trading device does per resource and tick. A
/// device's strategy is shared (stateless ones) or its own (ZIP), as <see cref="StrategySpec.Create"/>
/// makes them; values and costs are the market model's, on the micro-unit grid.
/// </summary>
public class StrategyBenchmarks
{
    private const int Quotes = 1_000;
    private static readonly MarketTerms Market = new(1_000_000, 200_000_000, FeePpm: 5_000);
    private IStrategy[] _strategies = [];
    private long[] _limits = [];

    [Params("zi-c", "zi-u", "fixed-margin", "truthful", "zip")]
    public string Strategy { get; set; } = "zi-c";

    [GlobalSetup]
    public void Setup()
    {
        if (!StrategySpec.TryParseKind(Strategy, out var kind)) throw new ArgumentException($"Unknown strategy {Strategy}.");
        var spec = new StrategySpec(kind, Margin: kind == StrategyKind.FixedMargin ? 0.1 : 0);
        _strategies = Enumerable.Range(0, Quotes).Select(device => spec.Create(seed: 1, device)!).ToArray();
        var random = new RandomStream(1, RandomPurpose.Population, 0, 0);
        _limits = Enumerable.Range(0, Quotes).Select(_ => random.NextLong(1_000_000, 200_000_000)).ToArray();
    }

    /// <summary>A bid and an ask from each of 1,000 devices (one operation is one device's pair).</summary>
    [Benchmark(OperationsPerInvoke = Quotes)]
    public long BidAndAsk()
    {
        var random = new RandomStream(1, RandomPurpose.Strategy, 0, 0);
        long sum = 0;
        for (var k = 0; k < Quotes; k++)
        {
            var strategy = _strategies[k];
            sum += strategy.Bid(_limits[k], Market, ref random);
            sum += strategy.Ask(Market.GrossCost(_limits[k]), Market, ref random);
        }
        return sum;
    }

    /// <summary>Learning from one shout of the tape, for each of 1,000 devices (a no-op for strategies that do not learn).</summary>
    [Benchmark(OperationsPerInvoke = Quotes)]
    public long Observe()
    {
        var random = new RandomStream(1, RandomPurpose.Strategy, 0, 1);
        for (var k = 0; k < Quotes; k++)
        {
            var side = k % 2 == 0 ? Side.Buy : Side.Sell;
            var shout = new Shout(k % 3 == 0 ? Side.Buy : Side.Sell, _limits[(k + 1) % Quotes], Deal: k % 5 != 0);
            _strategies[k].Observe(side, _limits[k], active: true, shout, Market, ref random);
        }
        return random.NextLong(0, 1);
    }
}
