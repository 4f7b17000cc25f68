namespace M2MSim.Grains.Shards;

/// <summary>
/// Records the results of a window of calls (<see cref="CallWindow"/>) in call order, one at a time,
/// while later calls are still out: once every call before a result has returned, it is recorded
/// when the next call that ends a batch (k ≡ 255 mod 256) returns, on that call's worker; what is
/// left at the end, <see cref="End"/> records. A result held until the whole tick had returned
/// outlived the young generation: at a million devices every collection during the calls carried
/// the results so far (their messages and orders) into the old generation, which then needed full
/// collections. Recording a batch at a time keeps the roster on one core for a while (recording at
/// every call moved it between the cores and made the 100 k market model 30 % slower).
/// </summary>
public sealed class InOrder<T>
{
    private const int Batch = 256;

    private T[] _slots = [];
    private bool[] _ready = [];
    private int _count;
    private int _next; // the next call to record
    private int _recording; // 1 while a thread records
    private Action<int, T> _record = static (_, _) => { };

    /// <summary>Starts a window of <paramref name="count"/> calls whose results go to <paramref name="record"/>.</summary>
    public void Begin(int count, Action<int, T> record)
    {
        if (_slots.Length < count)
        {
            _slots = new T[Math.Max(count, 2 * _slots.Length)];
            _ready = new bool[_slots.Length];
        }
        else if (_next != _count)
        {
            // The last window failed and may have left results behind: neither counted as ready nor held.
            Array.Clear(_ready);
            Array.Clear(_slots);
        }
        (_count, _next, _record) = (count, 0, record);
    }

    /// <summary>Call <paramref name="k"/> returned <paramref name="result"/> (any thread; each k once).</summary>
    public void Done(int k, T result)
    {
        _slots[k] = result;
        Volatile.Write(ref _ready[k], true);
        if ((k & (Batch - 1)) != Batch - 1) return;
        Interlocked.MemoryBarrier(); // see Drain
        Drain();
    }

    /// <summary>
    /// After every call has returned: records what is left (the last part batch, and whatever came in
    /// after its batch's end) and checks that nothing is missing. This, not the fence in
    /// <see cref="Done"/>, is what guarantees that every result is recorded.
    /// </summary>
    public void End()
    {
        Drain();
        if (_next != _count) throw new InvalidOperationException($"Call {_next} of {_count} has no result.");
        _record = static (_, _) => { }; // let go of the tick's closure (its batches and roster)
    }

    /// <summary>
    /// Records the results that are next in order, unless another thread is recording: then that
    /// thread takes them, and nobody waits. The recorder, after letting go, looks once more; a
    /// thread that marked a result ready looks at the recorder after a full fence. So either it
    /// becomes the recorder, or the recorder sees its result: a result waits for no later batch
    /// than it must (<see cref="End"/> would record it in any case).
    /// </summary>
    private void Drain()
    {
        while (Volatile.Read(ref _next) is var next && next < _count && Volatile.Read(ref _ready[next]))
        {
            if (Interlocked.CompareExchange(ref _recording, 1, 0) != 0) return;
            try
            {
                for (var k = _next; k < _count && Volatile.Read(ref _ready[k]); k++)
                {
                    var result = _slots[k];
                    _slots[k] = default!;
                    _ready[k] = false;
                    _record(k, result);
                    _next = k + 1;
                }
            }
            finally
            {
                Interlocked.Exchange(ref _recording, 0);
            }
        }
    }
}
