using System.Runtime.CompilerServices;

namespace M2MSim.Economy.Simulation;

/// <summary>
/// What is held for each device until its next step (order results, messages), in arrival order.
/// All devices share one flat buffer, each device's items chained through it, so a device costs
/// two ints here and a delivery costs no allocation: a list per receiving device was a third of the
/// bytes a tick allocated at 100 k devices. Not thread-safe (a roster is used by one turn at a
/// time), but for <see cref="CopyOut"/> and <see cref="Touch"/>, which only read.
/// </summary>
internal sealed class Mailboxes<T>
    where T : struct
{
    private readonly int[] _last; // per device: its newest item's slot, or −1
    private readonly int[] _count; // per device: how many items it holds
    private T[] _items = new T[64];
    private int[] _previous = new int[64]; // per slot: the same device's item before it, or −1
    private int _used; // slots written since the buffer was last emptied
    private int _held; // items not taken yet

    public Mailboxes(int devices)
    {
        _last = new int[devices];
        _count = new int[devices];
        Array.Fill(_last, -1);
    }

    public bool Has(int device) => _last[device] >= 0;

    public void Add(int device, in T item)
    {
        if (_used == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
            Array.Resize(ref _previous, _previous.Length * 2);
        }
        _items[_used] = item;
        _previous[_used] = _last[device];
        _last[device] = _used++;
        _count[device]++;
        _held++;
    }

    /// <summary>Items held for all devices, not taken yet.</summary>
    public int Held => _held;

    /// <summary>
    /// Takes the device's items out of its mailbox without copying them: returns the chain to copy
    /// with <see cref="CopyOut"/> (its newest item's slot) and its length. The items stay in their
    /// slots until the next <see cref="Add"/> or <see cref="Trim"/>.
    /// </summary>
    public (int Chain, int Count) Detach(int device)
    {
        var detached = (_last[device], _count[device]);
        _last[device] = -1;
        _count[device] = 0;
        _held -= detached.Item2;
        return detached;
    }

    /// <summary>
    /// Copies a detached chain's items, in arrival order, into <paramref name="into"/>, which is exactly
    /// as long as the chain. It only reads: several threads may copy distinct chains at once.
    /// </summary>
    public void CopyOut(int chain, Span<T> into)
    {
        var n = into.Length;
        for (var s = chain; s >= 0; s = _previous[s]) into[--n] = _items[s]; // newest first, from the end
        if (n != 0) throw new InvalidOperationException($"A chain of {into.Length - n} items was copied into room for {into.Length}.");
    }

    /// <summary>
    /// Reads a detached chain's newest link and the first and last byte of its item (which may span
    /// two cache lines), and nothing else: to have them in the cache before <see cref="CopyOut"/>.
    /// </summary>
    public int Touch(int chain)
    {
        ref var item = ref Unsafe.As<T, byte>(ref _items[chain]);
        return _previous[chain] + item + Unsafe.Add(ref item, Unsafe.SizeOf<T>() - 1);
    }

    /// <summary>A copy of the device's items in arrival order.</summary>
    public T[] Peek(int device)
    {
        var n = 0;
        for (var s = _last[device]; s >= 0; s = _previous[s]) n++;
        if (n == 0) return [];
        var items = new T[n];
        for (var s = _last[device]; s >= 0; s = _previous[s]) items[--n] = _items[s];
        return items;
    }

    /// <summary>
    /// Call when a pass over the devices has taken what it could: empties the buffer once everything
    /// was taken, or packs what is left (for devices offline in this tick) when it is mostly spent.
    /// </summary>
    public void Trim()
    {
        if (_held == 0)
        {
            _used = 0;
            return;
        }
        if (_used < 2 * _held + 1024) return;
        var items = new T[Math.Max(64, 2 * _held)];
        var previous = new int[items.Length];
        var used = 0;
        for (var d = 0; d < _last.Length; d++)
        {
            if (_last[d] < 0) continue;
            var chain = Peek(d);
            var last = -1;
            foreach (var item in chain)
            {
                items[used] = item;
                previous[used] = last;
                last = used++;
            }
            _last[d] = last;
        }
        (_items, _previous, _used) = (items, previous, used);
    }
}
