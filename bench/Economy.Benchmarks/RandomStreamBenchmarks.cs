using BenchmarkDotNet.Attributes;
using M2MSim.Economy.Randomness;

namespace M2MSim.Benchmarks;

/// <summary>
/// The counter-based random streams every draw in a run comes from: opening a stream (one per
/// device, purpose and tick) and the draws the models make.
/// </summary>
public class RandomStreamBenchmarks
{
    private const int Draws = 1_000;

    /// <summary>Opening a stream: what a device pays per purpose and tick before its first draw.</summary>
    [Benchmark(OperationsPerInvoke = Draws)]
    public ulong Open()
    {
        ulong sum = 0;
        for (var device = 0; device < Draws; device++) sum += new RandomStream(1, RandomPurpose.Strategy, device, 7).NextUInt64();
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Draws)]
    public ulong NextUInt64()
    {
        var random = new RandomStream(1, RandomPurpose.Strategy, 0, 0);
        ulong sum = 0;
        for (var k = 0; k < Draws; k++) sum += random.NextUInt64();
        return sum;
    }

    /// <summary>A uniform integer in a range, as the money model draws its receiver and ZI-C its prices.</summary>
    [Benchmark(OperationsPerInvoke = Draws)]
    public long NextLong()
    {
        var random = new RandomStream(1, RandomPurpose.Strategy, 0, 0);
        long sum = 0;
        for (var k = 0; k < Draws; k++) sum += random.NextLong(1_000_000, 200_000_000);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Draws)]
    public double NextDouble()
    {
        var random = new RandomStream(1, RandomPurpose.Strategy, 0, 0);
        var sum = 0.0;
        for (var k = 0; k < Draws; k++) sum += random.NextDouble();
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Draws)]
    public double NextGaussian()
    {
        var random = new RandomStream(1, RandomPurpose.Strategy, 0, 0);
        var sum = 0.0;
        for (var k = 0; k < Draws; k++) sum += random.NextGaussian();
        return sum;
    }
}
