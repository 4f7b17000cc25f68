using M2MSim.Grains.Shards;

namespace M2MSim.Grains.Tests;

public sealed class InOrderTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(100, 8)] // fewer calls than a batch: all recorded at the end
    [InlineData(20_000, 64)]
    [InlineData(20_000, 512)]
    public async Task Results_are_recorded_in_call_order_one_at_a_time_whatever_order_they_return_in(int count, int window)
    {
        var inOrder = new InOrder<long>();
        for (var round = 0; round < 2; round++) // the second window reuses the first's buffers
        {
            var recorded = new List<(int K, long Value)>();
            var recording = 0;
            inOrder.Begin(count, (k, value) =>
            {
                Assert.Equal(1, Interlocked.Increment(ref recording)); // never two at once
                recorded.Add((k, value));
                Interlocked.Decrement(ref recording);
            });
            await CallWindow.RunAsync(count, window, async k =>
            {
                if (k % 7 == 3) await Task.Yield(); // some calls return later than those after them
                return (long)k * k + round;
            }, inOrder.Done);
            inOrder.End();
            Assert.Equal(Enumerable.Range(0, count).Select(k => (k, (long)k * k + round)), recorded);
        }
    }

    [Fact]
    public void Results_are_recorded_while_later_calls_are_still_out_and_never_past_a_missing_one()
    {
        var inOrder = new InOrder<int>();
        var recorded = new List<int>();
        inOrder.Begin(2_048, (k, _) => recorded.Add(k));

        for (var k = 0; k < 1_024; k++) inOrder.Done(k, k);
        Assert.Equal(Enumerable.Range(0, 1_024), recorded); // recorded at each batch's end, not at the end of the window
        for (var k = 1_100; k < 2_048; k++) inOrder.Done(k, k);
        Assert.Equal(Enumerable.Range(0, 1_024), recorded); // 1,024 is out: nothing after it
        for (var k = 1_024; k < 1_100; k++) inOrder.Done(k, k);
        inOrder.End();
        Assert.Equal(Enumerable.Range(0, 2_048), recorded);
    }

    [Fact]
    public void A_missing_result_is_an_error_at_the_end_and_the_next_window_records_none_of_the_failed_ones_results()
    {
        var inOrder = new InOrder<int>();
        inOrder.Begin(3, (_, _) => { });
        inOrder.Done(0, 0);
        inOrder.Done(2, 2);
        Assert.Contains("Call 1 of 3", Assert.Throws<InvalidOperationException>(inOrder.End).Message);

        var recorded = new List<int>();
        inOrder.Begin(3, (_, value) => recorded.Add(value));
        inOrder.Done(0, 10);
        inOrder.Done(1, 11);
        Assert.Contains("Call 2 of 3", Assert.Throws<InvalidOperationException>(inOrder.End).Message); // the old window's call 2 is not this one's
        Assert.Equal([10, 11], recorded);
    }
}
