using System.Runtime.InteropServices;
using M2MSim.Economy.Devices;

namespace M2MSim.Economy.Simulation;

/// <summary>
/// The messages a tick's steps send, kept from each step until it is recorded: one list per chunk of
/// <see cref="ParallelSteps"/>, which the thread stepping the chunk fills in step order. A step then
/// returns no array of its own (at 100 k money devices, most of what a tick allocated). Lists are
/// taken from a few spares and handed back once their chunk is recorded, so at most the chunks in
/// flight hold one, however many devices there are.
/// </summary>
internal sealed class SentByChunk
{
    private readonly Stack<List<PeerMessage>> _spare = new();
    private readonly Lock _gate = new();
    private List<PeerMessage>?[] _chunks = []; // per chunk of this tick: its list while stepped and not recorded
    private int[] _ends = []; // per step: where its messages end in its chunk's list
    private int _size = 1; // steps a chunk
    private int _used; // chunks of the last tick: those that may still hold a list

    /// <summary>Starts a tick of <paramref name="count"/> steps, chunked as <see cref="ParallelSteps.Run"/> chunks them.</summary>
    public void Begin(int count)
    {
        Release(0, _used); // the last tick's last chunk, or any a failure left
        _size = ParallelSteps.ChunkSize(count);
        var chunks = _used = (count + _size - 1) / _size;
        if (_chunks.Length < chunks) _chunks = new List<PeerMessage>?[Math.Max(chunks, 2 * _chunks.Length)];
        if (_ends.Length < count) _ends = new int[Math.Max(count, 2 * _ends.Length)];
    }

    /// <summary>Gives the chunk that starts at step <paramref name="first"/> an empty list: its prepare, on the thread that steps it.</summary>
    public void Open(int first)
    {
        List<PeerMessage>? list;
        lock (_gate) _spare.TryPop(out list);
        list ??= [];
        list.Clear();
        _chunks[first / _size] = list;
    }

    /// <summary>The list step <paramref name="k"/> adds its messages to.</summary>
    public List<PeerMessage> Of(int k) => _chunks[k / _size]!;

    /// <summary>Step <paramref name="k"/> has sent its messages: they end where its chunk's list ends now.</summary>
    public void Stepped(int k) => _ends[k] = _chunks[k / _size]!.Count;

    /// <summary>
    /// The messages step <paramref name="k"/> sent, for its recording, valid until the next step is taken.
    /// Steps are taken in increasing order: taking a chunk's first step hands the chunk before back.
    /// </summary>
    public ReadOnlySpan<PeerMessage> Take(int k)
    {
        var c = k / _size;
        var first = k % _size == 0;
        if (first && c > 0) Release(c - 1, c);
        var start = first ? 0 : _ends[k - 1];
        return CollectionsMarshal.AsSpan(_chunks[c])[start.._ends[k]];
    }

    private void Release(int from, int to)
    {
        for (var c = from; c < to; c++)
        {
            if (_chunks[c] is not { } list) continue;
            _chunks[c] = null;
            lock (_gate) _spare.Push(list);
        }
    }
}
