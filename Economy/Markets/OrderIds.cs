using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Markets;

/// <summary>
/// Orders live for one tick and a device sends at most one per (resource, side), so
/// device × 8 + resource × 2 + side is unique within a tick and sorts by device: a stable,
/// arrival-independent tie-break.
/// </summary>
public static class OrderIds
{
    public static long For(int device, Resource resource, Side side) => ((long)device << 3) | ((long)resource << 1) | (long)side;
}
