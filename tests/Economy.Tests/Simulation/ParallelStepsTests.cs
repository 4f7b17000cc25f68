using M2MSim.Economy.Simulation;

namespace M2MSim.Economy.Tests.Simulation;

public sealed class ParallelStepsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 1)]
    [InlineData(4, 256)]
    [InlineData(1, 10_000)]
    [InlineData(4, 10_000)]
    public void Every_step_runs_once_and_is_recorded_after_it_in_order_on_the_calling_thread(int parallelism, int count)
    {
        var steps = new int[count];
        var recorded = new List<int>();
        var caller = Environment.CurrentManagedThreadId;
        new ParallelSteps(parallelism).Run(count, k => Interlocked.Increment(ref steps[k]), k =>
        {
            Assert.Equal(caller, Environment.CurrentManagedThreadId);
            Assert.Equal(1, Volatile.Read(ref steps[k])); // its step has run, and its write is seen
            recorded.Add(k);
        });
        Assert.All(steps, r => Assert.Equal(1, r));
        Assert.Equal(Enumerable.Range(0, count), recorded);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 10_000)]
    [InlineData(2, 10_000)]
    [InlineData(4, 700)]
    public void Each_range_of_steps_is_prepared_once_before_them_on_the_thread_that_steps_them(int parallelism, int count)
    {
        var preparedBy = new int[count]; // the thread that prepared step k, + 1
        var ranges = 0;
        new ParallelSteps(parallelism).Run(count,
            k => Assert.Equal(Environment.CurrentManagedThreadId + 1, Volatile.Read(ref preparedBy[k])),
            _ => { },
            (first, end) =>
            {
                Interlocked.Increment(ref ranges);
                for (var k = first; k < end; k++) Assert.Equal(0, Interlocked.Exchange(ref preparedBy[k], Environment.CurrentManagedThreadId + 1));
            });
        Assert.All(preparedBy, t => Assert.NotEqual(0, t));
        Assert.InRange(ranges, 1, count); // ranges, not one call per step only
        if (count >= 1_000) Assert.True(ranges < count / 4, $"{ranges} ranges for {count} steps");
    }

    [Theory]
    [InlineData(10_000, 5_000)]
    [InlineData(1_000, 500)] // a small tick: chunks that do not depend on the threads
    [InlineData(100, 3)]
    public void A_preparation_that_fails_fails_as_the_first_step_of_its_range_alike_on_any_number_of_threads(int count, int failing)
    {
        var outcomes = new[] { 1, 2, 4 }.Select(parallelism =>
        {
            var recorded = new List<int>();
            var failedAt = -1;
            var e = Assert.Throws<InvalidOperationException>(() => new ParallelSteps(parallelism).Run(count, _ => { }, recorded.Add, (first, end) =>
            {
                if (first > failing || end <= failing) return;
                failedAt = first;
                throw new InvalidOperationException("prepare");
            }));
            Assert.Equal("prepare", e.Message);
            Assert.Equal(Enumerable.Range(0, failedAt), recorded); // everything before the range, nothing of it
            return failedAt;
        }).ToArray();
        Assert.All(outcomes, at => Assert.Equal(outcomes[0], at));
    }

    [Fact]
    public void Several_threads_step_at_once()
    {
        // Two steps that each wait to see the other begin: on one thread this could not finish.
        var begun = 0;
        new ParallelSteps(2).Run(512, k =>
        {
            if (k % 256 != 0) return;
            Interlocked.Increment(ref begun);
            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref begun) == 2, TimeSpan.FromSeconds(30)), "the other chunk never began");
        }, _ => { });
    }

    [Fact]
    public void One_thread_steps_and_records_each_in_turn_on_the_calling_thread()
    {
        var order = new List<string>();
        var caller = Environment.CurrentManagedThreadId;
        new ParallelSteps(1).Run(1_000, k =>
        {
            Assert.Equal(caller, Environment.CurrentManagedThreadId);
            order.Add($"step {k}");
        }, k => order.Add($"record {k}"));
        Assert.Equal(Enumerable.Range(0, 1_000).SelectMany(k => new[] { $"step {k}", $"record {k}" }), order);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void The_failure_of_the_lowest_index_is_rethrown_unwrapped_and_nothing_after_it_is_recorded(int parallelism)
    {
        var failing = new HashSet<int> { 9_000, 1_017, 5_000 };
        var recorded = new List<int>();
        var e = Assert.Throws<InvalidOperationException>(() => new ParallelSteps(parallelism).Run(10_000, k =>
        {
            if (failing.Contains(k)) throw new InvalidOperationException($"step {k}");
        }, recorded.Add));
        Assert.Equal("step 1017", e.Message);
        Assert.Equal(Enumerable.Range(0, 1_017), recorded); // everything before the failure, as one thread records it
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_record_that_fails_before_a_failing_step_is_what_is_thrown(int parallelism)
    {
        for (var run = 0; run < 50; run++)
        {
            var e = Assert.Throws<InvalidOperationException>(() => new ParallelSteps(parallelism).Run(4_000,
                k =>
                {
                    if (k == 260) throw new InvalidOperationException("step 260");
                },
                k =>
                {
                    if (k == 100) throw new InvalidOperationException("record 100");
                }));
            Assert.Equal("record 100", e.Message);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void No_step_is_still_running_when_a_failed_Run_returns(int parallelism)
    {
        // Long steps, and a record that fails only once another thread is inside one: a helper is
        // then mid-step, and Run must not return before it is out.
        var running = 0;
        Assert.Throws<InvalidOperationException>(() => new ParallelSteps(parallelism).Run(4_000,
            k =>
            {
                Interlocked.Increment(ref running);
                Thread.SpinWait(50_000);
                Interlocked.Decrement(ref running);
            },
            k =>
            {
                if (k != 300) return;
                Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref running) > 0, TimeSpan.FromSeconds(30)), "no other thread ever stepped");
                throw new InvalidOperationException("record 300");
            }));
        Assert.Equal(0, Volatile.Read(ref running));
    }

    [Fact]
    public void A_negative_parallelism_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParallelSteps(-1));
}
