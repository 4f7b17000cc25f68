namespace M2MSim.Bench.Tests;

public sealed class BenchOptionsTests
{
    [Fact]
    public void The_warm_up_defaults_to_three_ticks_or_all_but_the_last_of_a_shorter_run_and_can_be_set()
    {
        Assert.Equal(3, BenchOptions.Parse([]).Warmup);
        Assert.Equal(1, BenchOptions.Parse(["--ticks", "2"]).Warmup);
        Assert.Equal(1, BenchOptions.Parse(["--ticks", "5", "--warmup", "1"]).Warmup);
    }

    [Fact]
    public void The_measured_ticks_follow_the_warm_up_and_the_longest_every_as_far_as_the_run_allows()
    {
        var ticks = Enumerable.Range(0, 10).ToArray();
        Assert.Equal([3, 4, 5, 6, 7, 8, 9], Measuring.ChildRun.Measured(ticks, warmup: 3, every: 1));
        Assert.Equal([5, 6, 7, 8, 9], Measuring.ChildRun.Measured(ticks, warmup: 3, every: 5));
        Assert.Equal([3, 4, 5, 6, 7, 8, 9], Measuring.ChildRun.Measured(ticks, warmup: 3, every: 30)); // too short for every: the warm-up alone
        Assert.Equal([1, 2], Measuring.ChildRun.Measured(ticks[..3], warmup: 3, every: 1)); // stopped early: all after tick 0
    }

    [Fact]
    public void The_warm_up_also_lasts_its_seconds_after_tick_0_and_then_ends_at_once()
    {
        double[] ticks = [5.0, 0.4, 0.4, 0.4, 0.1, 0.1, 0.1];
        Assert.Equal(3, Measuring.ChildRun.WarmedUp(ticks, skip: 3, seconds: 0)); // ticks alone
        Assert.Equal(4, Measuring.ChildRun.WarmedUp(ticks, skip: 3, seconds: 1)); // ticks 1–3 ran 1.2 s: tick 0's 5 s do not count
        Assert.Equal(5, Measuring.ChildRun.WarmedUp(ticks, skip: 5, seconds: 1)); // the ticks asked for, when they last longer
        Assert.Null(Measuring.ChildRun.WarmedUp(ticks, skip: 3, seconds: 2)); // not warm yet: run more ticks
        Assert.Equal(7, Measuring.ChildRun.WarmedUp(ticks, skip: 3, seconds: 1.5)); // warm after the last tick run: the next is measured
        Assert.Equal(5, Measuring.ChildRun.WarmedUp(ticks, skip: 3, seconds: 1, cycles: 2)); // warm at 4, but the model's cycle starts again at 5
        Assert.Null(Measuring.ChildRun.WarmedUp(ticks, skip: 3, seconds: 1, cycles: 5)); // at 8: not run yet

        // However slow the ticks, the warm-up stops at the limit (at a whole cycle), warm or not.
        var slow = Enumerable.Repeat(0.001, 1_000).ToArray();
        Assert.Equal(3 + Measuring.ChildRun.MaxWarmupTicks, Measuring.ChildRun.WarmedUp(slow, skip: 3, seconds: 60));
        Assert.Equal(3 + Measuring.ChildRun.MaxWarmupTicks / 60 * 60, Measuring.ChildRun.WarmedUp(slow, skip: 3, seconds: 60, cycles: 60));
        Assert.Equal(60, Measuring.ChildRun.Cycle([5, 10, 15, 20, 30, 12]));
        Assert.Equal(1, Measuring.ChildRun.Cycle([1]));
        Assert.Equal(1, Measuring.ChildRun.Cycle([997, 991])); // a period past 1,000 ticks: none
        Assert.Equal(2, BenchOptions.Parse([]).WarmupSeconds);
        Assert.Equal(0, BenchOptions.Parse(["--warmup-seconds", "0"]).WarmupSeconds);
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--warmup-seconds", "-1"]));
    }

    [Theory]
    [InlineData("--ticks", "3", "--warmup", "3")] // nothing left to measure
    [InlineData("--ticks", "10", "--warmup", "0")] // tick 0 activates every device: never measured
    public void A_warm_up_that_leaves_no_measurement_or_measures_tick_0_is_refused(params string[] args) =>
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(args));

    [Fact]
    public void Each_collector_starts_its_child_with_its_own_settings()
    {
        Assert.Equal(["server", "throughput"], BenchOptions.Parse(["--gc", "server,throughput"]).Gcs);
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--gc", "concurrent"]));
        Assert.Equal(new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" }, Measuring.ChildProcess.GcEnvironment("workstation"));
        Assert.Equal(new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" }, Measuring.ChildProcess.GcEnvironment("server"));
        // Server, without the dynamic adaptation that keeps the young generation small, and a 256 MiB one.
        Assert.Equal(new Dictionary<string, string> { ["DOTNET_gcServer"] = "1", ["DOTNET_GCDynamicAdaptationMode"] = "0", ["DOTNET_GCgen0size"] = "0x10000000" },
            Measuring.ChildProcess.GcEnvironment("throughput"));
    }

    [Theory]
    [InlineData(new string[0], 1, 512)]
    [InlineData(new[] { "--shards", "8" }, 8, 64)]
    [InlineData(new[] { "--parallelism", "10", "--shards", "8" }, 8, 10)]
    public void Calls_in_flight_are_split_over_the_shards_as_run_splits_them_unless_given(string[] args, int shards, int parallelism)
    {
        var o = BenchOptions.Parse(args);
        Assert.Equal((shards, parallelism), (o.Shards, o.Parallelism));
    }
}
