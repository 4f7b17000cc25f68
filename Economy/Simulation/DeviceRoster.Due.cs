using System.Collections;
using System.Runtime.CompilerServices;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;

namespace M2MSim.Economy.Simulation;

public sealed partial class DeviceRoster
{
    // A tick's due devices, as plain ints in one reused array: a list of DueDevice (two memory slices
    // each) cost write barriers to fill, a clear of its references every tick, and three reads through
    // Memory.Span per step; with a million devices due, one of these a device is 28 bytes, not 48.
    private Due[] _dueSlots = [];
    private int _dueCount;

    /// <summary>Due device k's index, as <see cref="PlanDue"/> lists it.</summary>
    public int DueIndex(int k) => Slot(k).Index;

    /// <summary>Due device k's messages (sorted by sender once gathered), in the roster's buffer: valid until the next <see cref="PlanDue"/>.</summary>
    public ReadOnlySpan<PeerMessage> DueIncoming(int k)
    {
        ref readonly var d = ref Slot(k);
        return _taken.AsSpan(d.TakenAt, d.Taken);
    }

    /// <summary>Due device k's order results (sorted by order id once gathered), likewise.</summary>
    public ReadOnlySpan<OrderResult> DueSettlements(int k)
    {
        ref readonly var d = ref Slot(k);
        return _settled.AsSpan(d.SettledAt, d.Settled);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // read several times a step: a compare, with the throw out of line
    private ref Due Slot(int k)
    {
        if ((uint)k >= (uint)_dueCount) ThrowNotDue(k);
        return ref _dueSlots[k];
    }

    private void ThrowNotDue(int k) => throw new ArgumentOutOfRangeException(nameof(k), k, $"{_dueCount} devices are due.");

    /// <param name="Messages">Its detached chain of messages until gathered, −1 for none; likewise <paramref name="Results"/>.</param>
    private record struct Due(int Index, int TakenAt, int Taken, int SettledAt, int Settled, int Messages, int Results);

    /// <summary>The due devices as <see cref="DueDevice"/>s, each made when read: the view <see cref="PlanDue"/> hands out.</summary>
    private sealed class DueList(DeviceRoster roster) : IReadOnlyList<DueDevice>
    {
        public int Count => roster._dueCount;

        public DueDevice this[int index]
        {
            get
            {
                ref readonly var d = ref roster.Slot(index);
                return new(d.Index, roster._settled.AsMemory(d.SettledAt, d.Settled), roster._taken.AsMemory(d.TakenAt, d.Taken));
            }
        }

        public IEnumerator<DueDevice> GetEnumerator()
        {
            for (var k = 0; k < Count; k++) yield return this[k];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
