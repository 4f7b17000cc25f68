namespace M2MSim.Bench.Tests;

public sealed class BenchOptionsTests
{
    [Fact]
    public void The_warm_up_defaults_to_three_ticks_and_can_be_set()
    {
        Assert.Equal(3, BenchOptions.Parse([]).Warmup);
        Assert.Equal(1, BenchOptions.Parse(["--ticks", "5", "--warmup", "1"]).Warmup);
    }

    [Theory]
    [InlineData("--ticks", "3", "--warmup", "3")] // nothing left to measure
    [InlineData("--ticks", "10", "--warmup", "0")] // tick 0 activates every device: never measured
    public void A_warm_up_that_leaves_no_measurement_or_measures_tick_0_is_refused(params string[] args) =>
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(args));
}
