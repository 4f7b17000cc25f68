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
    // and at least MinChunks of them, so a small tick spreads over eight threads too. The chunks
    // do not depend on the number of threads: a failing prepare (which fails its chunk's first
    // step) fails at the same step on one thread or many.
    private const int MaxChunk = 256, MinChunks = 64;

    private readonly int _threads = parallelism switch
    {
        0 => Environment.ProcessorCount,
        > 0 => parallelism,
        _ => throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "0 (one thread per core) or more."),
    };

    /// <summary>
    /// How many steps each chunk of a run of <paramref name="count"/> has (the last may have fewer):
    /// chunk c is steps c × size … (c + 1) × size − 1, stepped in order on one thread after its prepare.
    /// </summary>
    public static int ChunkSize(int count) => Math.Clamp(count / MinChunks, 1, MaxChunk);

    private int[] _state = []; // per chunk: Pending, Stepped or Failed (reused)

    private const int Pending = 0, Stepped = 1, Failed = 2;

    /// <summary>
    /// Runs step(k) for k = 0 … count − 1, each once and on any thread, and record(k) on the calling
    /// thread in increasing k, each after step(k). The calling thread records chunks as soon as they
    /// are stepped and steps chunks of its own while none is ready, so recording overlaps stepping.
    /// If steps fail, every step before the first failing one is recorded, none after it, and the
    /// failure of the lowest index is rethrown as it was thrown (not wrapped); a record(k) that
    /// throws first throws as on one thread. Either way no step runs after Run has returned: on one
    /// thread or many, a run fails alike.
    /// </summary>
    /// <param name="prepare">
    /// If given, prepare(first, end) runs before steps first … end − 1, on the thread that then runs them:
    /// work those steps need that is cheaper done for many at once. It fails as their first step would.
    /// </param>
    public void Run(int count, Action<int> step, Action<int> record, Action<int, int>? prepare = null)
    {
        var chunk = ChunkSize(count);
        var chunks = (count + chunk - 1) / chunk;
        if (_threads == 1 || chunks < 2)
        {
            for (var k = 0; k < count; k++)
            {
                if (k % chunk == 0) prepare?.Invoke(k, Math.Min(count, k + chunk));
                step(k);
                record(k);
            }
            return;
        }
        if (_state.Length < chunks) _state = new int[Math.Max(chunks, 2 * _state.Length)];
        var state = _state;
        Array.Clear(state, 0, chunks);
        var next = -1; // the last chunk claimed
        var stop = 0; // 1: claim no more chunks
        var busy = 0; // threads between deciding to claim a chunk and finishing it
        var gate = new Lock();
        (Exception? Error, int At) failed = (null, int.MaxValue);

        // Steps one chunk; true while there were chunks to claim. A thread counts itself busy before
        // it looks at the stop flag, so once the caller has set the flag and seen no thread busy, no
        // step can start any more (the flag is set with a full fence, the count read after it).
        bool StepNext()
        {
            Interlocked.Increment(ref busy);
            try
            {
                if (Volatile.Read(ref stop) == 1) return false;
                // Everything claimed: only read, so a caller waiting on a chunk neither writes where the
                // helpers read nor counts `next` up without end (a chunk may take minutes).
                if (Volatile.Read(ref next) >= chunks - 1) return false;
                var c = Interlocked.Increment(ref next);
                if (c >= chunks) return false;
                var k = c * chunk;
                try
                {
                    var end = Math.Min(count, k + chunk);
                    prepare?.Invoke(k, end);
                    for (; k < end; k++) step(k);
                    Volatile.Write(ref state[c], Stepped);
                }
                catch (Exception e)
                {
                    lock (gate)
                    {
                        if (k < failed.At) failed = (e, k);
                    }
                    Interlocked.Exchange(ref stop, 1);
                    Volatile.Write(ref state[c], Failed);
                }
                return true;
            }
            finally
            {
                Interlocked.Decrement(ref busy);
            }
        }

        // Helpers that start late (the pool busy elsewhere) find nothing to claim and end at once:
        // nothing waits for them to start.
        for (var h = 1; h < Math.Min(_threads, chunks); h++)
            _ = Task.Run(() =>
            {
                while (StepNext()) { }
            });
        var spin = new SpinWait();
        try
        {
            // Chunks are claimed in increasing order, so every chunk below a failed one has an owner
            // and ends: they are recorded, as one thread would have recorded them, before the failure
            // is thrown. A failing record throws from here, as it would on one thread.
            for (var c = 0; c < chunks;)
            {
                var s = Volatile.Read(ref state[c]);
                if (s == Stepped)
                {
                    for (int k = c * chunk, end = Math.Min(count, k + chunk); k < end; k++) record(k);
                    c++;
                    spin.Reset();
                }
                else if (s == Failed)
                {
                    // The lowest failure is in this chunk (every chunk below it succeeded), and its
                    // steps before the failure ran: record them, as one thread would have.
                    int at;
                    lock (gate) at = failed.At;
                    for (var k = c * chunk; k < at; k++) record(k);
                    break;
                }
                else if (!StepNext()) spin.SpinOnce(sleep1Threshold: -1); // chunk c is another thread's, still stepping: a matter of microseconds
            }
        }
        finally
        {
            // However this ends, no step runs once Run has returned.
            Interlocked.Exchange(ref stop, 1);
            while (Volatile.Read(ref busy) > 0) spin.SpinOnce(sleep1Threshold: -1);
        }
        if (failed.Error is not null) ExceptionDispatchInfo.Throw(failed.Error);
    }
}
