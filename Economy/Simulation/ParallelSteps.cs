using System.Runtime.ExceptionServices;

namespace M2MSim.Economy.Simulation;

/// <summary>
/// Runs a tick's device steps on several threads. The caller keeps each step's result in the
/// step's own slot and reads them afterwards in order, so the outcome does not depend on which
/// thread ran what, or when.
/// </summary>
/// <param name="parallelism">Threads at once: 0 for one per core, 1 for the calling thread only.</param>
internal sealed class ParallelSteps(int parallelism)
{
    private readonly ParallelOptions _options = new()
    {
        MaxDegreeOfParallelism = parallelism switch
        {
            0 => Environment.ProcessorCount,
            > 0 => parallelism,
            _ => throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "0 (one thread per core) or more."),
        },
    };

    /// <summary>
    /// Runs step(0) … step(count − 1), each once. If steps fail, the failure of the lowest index is
    /// rethrown as it was thrown (not wrapped), whichever thread met it first: on one thread or many,
    /// a run fails with the same error.
    /// </summary>
    public void Run(int count, Action<int> step)
    {
        if (_options.MaxDegreeOfParallelism == 1 || count < 2)
        {
            for (var k = 0; k < count; k++) step(k);
            return;
        }
        var gate = new Lock();
        (Exception? Error, int At) failed = (null, int.MaxValue);
        Parallel.For(0, count, _options, k =>
        {
            try
            {
                step(k);
            }
            catch (Exception e)
            {
                lock (gate)
                {
                    if (k < failed.At) failed = (e, k);
                }
            }
        });
        if (failed.Error is not null) ExceptionDispatchInfo.Throw(failed.Error);
    }
}
