using M2MSim.Economy.Simulation;

namespace M2MSim.Economy.Tests.Simulation;

public sealed class ParallelStepsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 1)]
    [InlineData(1, 10_000)]
    [InlineData(4, 10_000)]
    public void Every_step_runs_exactly_once(int parallelism, int count)
    {
        var runs = new int[count];
        new ParallelSteps(parallelism).Run(count, k => Interlocked.Increment(ref runs[k]));
        Assert.All(runs, r => Assert.Equal(1, r));
    }

    [Fact]
    public void One_thread_steps_in_order_on_the_calling_thread()
    {
        var order = new List<int>();
        var caller = Environment.CurrentManagedThreadId;
        new ParallelSteps(1).Run(100, k =>
        {
            Assert.Equal(caller, Environment.CurrentManagedThreadId);
            order.Add(k);
        });
        Assert.Equal(Enumerable.Range(0, 100), order);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void The_failure_of_the_lowest_index_is_rethrown_unwrapped(int parallelism)
    {
        var failing = new HashSet<int> { 9_000, 17, 5_000 };
        var e = Assert.Throws<InvalidOperationException>(() => new ParallelSteps(parallelism).Run(10_000, k =>
        {
            if (failing.Contains(k)) throw new InvalidOperationException($"step {k}");
        }));
        Assert.Equal("step 17", e.Message);
    }

    [Fact]
    public void A_negative_parallelism_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParallelSteps(-1));
}
