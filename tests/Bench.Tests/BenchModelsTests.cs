using M2MSim.Bench.Measuring;

namespace M2MSim.Bench.Tests;

public sealed class BenchModelsTests
{
    [Theory]
    [InlineData(new[] { 50_000, 50_000 }, 1_000_000, new[] { 500_000, 500_000 })]
    [InlineData(new[] { 2500, 3750, 25000, 62500, 5000, 500 }, 1000, new[] { 25, 38, 252, 630, 50, 5 })]
    public void Scaling_keeps_the_shares_and_adds_up_exactly(int[] counts, int total, int[] expected)
    {
        var scaled = BenchModels.Scale(counts, total);
        Assert.Equal(expected, scaled);
        Assert.Equal(total, scaled.Sum());
    }

    [Theory]
    [InlineData("money")]
    [InlineData("market")]
    [InlineData("sparse")]
    public void Every_model_loads_at_any_size(string model)
    {
        var scenario = BenchModels.Load(model, 1234, 3);
        Assert.Equal(1234, scenario.DeviceCount);
        Assert.Equal(3, scenario.Ticks);
    }
}
