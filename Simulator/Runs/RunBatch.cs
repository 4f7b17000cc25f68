namespace M2MSim.Simulator.Runs;

/// <summary>
/// Runs many scenarios, several at once, on one engine (one shared silo for Orleans): the
/// validation suite and sweeps both need exactly this, and nothing more.
/// </summary>
public static class RunBatch
{
    /// <returns>The outcomes, in the order of <paramref name="requests"/>.</returns>
    /// <exception cref="OperationCanceledException">Cancelled: finished runs stay, unfinished folders are removed.</exception>
    public static async Task<RunOutcome[]> RunAsync(
        IReadOnlyList<RunRequest> requests, int parallel, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var outcomes = new RunOutcome[requests.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                // The runs already fill the cores: a reference run steps its devices on one thread.
                var request = parallel > 1 ? requests[i] with { ReferenceThreads = 1 } : requests[i];
                outcomes[i] = await RunDriver.RunAsync(request, progress: null, ct);
                progress?.Report(Interlocked.Increment(ref done));
            });
        return outcomes;
    }
}
