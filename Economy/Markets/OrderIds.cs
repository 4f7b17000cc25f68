using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Markets;

/// <summary>
/// Orders live for one tick. An id is <c>(device &lt;&lt; 12) | (resource &lt;&lt; 10) | (side &lt;&lt; 9) | slot</c>:
/// a device sends at most <see cref="SlotsPerSide"/> orders per (resource, side) in a tick (a unit-schedule
/// trader quoting all its units sends one per unit, the slot being the unit's index), so ids are unique
/// within a tick and sort by device, then resource, then side: a stable, arrival-independent tie-break.
/// Devices of the production kind always use slot 0. Device ids are below 2^31, so ids stay below 2^43. The resource has 2 bits: room for exactly the four
/// resources there are (a fifth would need a wider field).
/// </summary>
public static class OrderIds
{
    /// <summary>Orders one device may send per (resource, side) in a tick; unit schedules are capped at this length.</summary>
    public const int SlotsPerSide = 512;

    private const int SlotBits = 9;
    private const int SideShift = SlotBits;
    private const int ResourceShift = SlotBits + 1;
    private const int DeviceShift = SlotBits + 3;

    public static long For(int device, Resource resource, Side side, int slot = 0)
    {
        if (device < 0) throw new ArgumentOutOfRangeException(nameof(device), device, "A device id is never negative.");
        if ((uint)slot >= SlotsPerSide) throw new ArgumentOutOfRangeException(nameof(slot), slot, $"A slot is 0 … {SlotsPerSide - 1}.");
        return ((long)device << DeviceShift) | ((long)resource << ResourceShift) | ((long)side << SideShift) | (long)slot;
    }

    public static int DeviceOf(long id) => (int)(id >> DeviceShift);

    public static Resource ResourceOf(long id) => (Resource)((id >> ResourceShift) & 3);

    public static Side SideOf(long id) => (Side)((id >> SideShift) & 1);

    public static int SlotOf(long id) => (int)(id & (SlotsPerSide - 1));
}
