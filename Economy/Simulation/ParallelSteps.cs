using System.Runtime.ExceptionServices;

namespace M2MSim.Economy.Simulation;

/// <summary>
/// Runs a tick's device steps on several threads, and records them in one thread, in order: a
/// step reads only its own device and inputs and leaves its result in its own slot, and what the
/// files depend on (orders into the books, messages into the mailboxes) is written by the
/// recording, so the outcome does not depend on which thread stepped what, or when.
/// </summary>
/// <param name="parallelism">Threads at once: 0 for one per core, 1 for the calling thread only.</param>
internal sealed class ParallelSteps(int parallelism)
{
    // Steps are handed out in chunks: large enough that claiming one costs nothing against its
    // steps, small enough that a chunk's results are still in the cache when they are recorded,
    // and at least eight per thread, so a small tick spreads over the threads too.
    private const int MaxChunk = 256;

    private readonly int _threads = parallelism switch
    {
        0 => Environment.ProcessorCount,
        > 0 => parallelism,
        _ => throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "0 (one thread per core) or more."),
    };

    private int[] _state = []; // per chunk: Pending, Stepped or Failed (reused)

    private const int Pending = 0, Stepped = 1, Failed = 2;

    /// <summary>
    /// Runs step(k) for k = 0 … count − 1, each once and on any thread, and record(k) on the calling
    /// thread in increasing k, each after step(k). The calling thread records chunks as soon as they
    /// are stepped and steps chunks of its own while none is ready, so recording overlaps stepping.
    /// If steps fail, no step after the first failing one is recorded, and the failure of the lowest
    /// index is rethrown as it was thrown (not wrapped): on one thread or many, a run fails alike.
    /// </summary>
    public void Run(int count, Action<int> step, Action<int> record)
    {
        var chunk = Math.Clamp(count / (8 * _threads), 1, MaxChunk);
        var chunks = (count + chunk - 1) / chunk;
        if (_threads == 1 || chunks < 2)
        {
            for (var k = 0; k < count; k++)
            {
                step(k);
                record(k);
            }
            return;
        }
        if (_state.Length < chunks) _state = new int[Math.Max(chunks, 2 * _state.Length)];
        var state = _state;
        Array.Clear(state, 0, chunks);
        var next = -1; // the last chunk claimed
        var stop = false;
        var gate = new Lock();
        (Exception? Error, int At) failed = (null, int.MaxValue);

        // Steps one chunk; true while there were chunks to claim.
        bool StepNext()
        {
            if (Volatile.Read(ref stop)) return false;
            var c = Interlocked.Increment(ref next);
            if (c >= chunks) return false;
            var k = c * chunk;
            try
            {
                for (var end = Math.Min(count, k + chunk); k < end; k++) step(k);
                Volatile.Write(ref state[c], Stepped);
            }
            catch (Exception e)
            {
                lock (gate)
                {
                    if (k < failed.At) failed = (e, k);
                }
                Volatile.Write(ref stop, true);
                Volatile.Write(ref state[c], Failed);
            }
            return true;
        }

        var helpers = new Task[_threads - 1];
        for (var h = 0; h < helpers.Length; h++)
            helpers[h] = Task.Run(() =>
            {
                while (StepNext()) { }
            });
        var spin = new SpinWait();
        for (var c = 0; c < chunks;)
        {
            var s = Volatile.Read(ref state[c]);
            if (s == Stepped)
            {
                for (int k = c * chunk, end = Math.Min(count, k + chunk); k < end; k++) record(k);
                c++;
                spin.Reset();
            }
            else if (s == Failed || Volatile.Read(ref stop)) break;
            else if (!StepNext()) spin.SpinOnce(sleep1Threshold: -1); // chunk c is another thread's, still stepping: a matter of microseconds
        }
        Task.WaitAll(helpers);
        if (failed.Error is not null) ExceptionDispatchInfo.Throw(failed.Error);
    }
}
