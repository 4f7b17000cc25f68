namespace M2MSim.Grains.Shards;

/// <summary>
/// Makes <c>count</c> grain calls from the thread pool, at most <c>window</c> in flight: that many
/// worker loops, each taking the next index and awaiting its call before the next. Per call this
/// allocates nothing of its own (a per-call async lambda, as Parallel.ForEachAsync needs, did), and
/// what a call is given can be built just before it, so it dies young. After a call fails no new
/// call starts; the failure surfaces when the calls in flight have ended.
/// </summary>
public static class CallWindow
{
    /// <param name="call">Starts call k (the grain call's own value task: no async lambda or task around it).</param>
    /// <param name="done">Takes call k's result; runs on the worker that made the call, so calls to it may overlap (see <see cref="InOrder{T}"/>).</param>
    public static Task RunAsync<T>(int count, int window, Func<int, ValueTask<T>> call, Action<int, T> done)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var next = -1;
        var failed = false;
        async Task Worker()
        {
            try
            {
                for (int k; !Volatile.Read(ref failed) && (k = Interlocked.Increment(ref next)) < count;) done(k, await call(k));
            }
            catch
            {
                Volatile.Write(ref failed, true);
                throw;
            }
        }
        return Task.WhenAll(Enumerable.Range(0, Math.Min(window, count)).Select(_ => Task.Run(Worker)));
    }
}
