using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Devices;

/// <summary>
/// A wearing part (a purifier's cartridge): it works while it has life, a tick without life is
/// downtime, and a bought unit of service replaces it. Devices without wear always work.
/// </summary>
public sealed partial class Device
{
    private int _life;
    private long _downtime;
    private long _replacements;

    /// <summary>
    /// Whether the device works this active tick: a part with life left works and wears by its use
    /// (never below 0), one without is a tick of downtime in which the device neither produces nor
    /// needs anything but its replacement.
    /// </summary>
    private bool Work()
    {
        if (Spec.Wear is not { } wear) return true;
        if (_life == 0)
        {
            _downtime++;
            return false;
        }
        _life = Math.Max(0, _life - wear.Use);
        return true;
    }

    /// <summary>
    /// Units of service the part needs this tick: one once its life is at or below the reorder point.
    /// A replacement already on order is not ordered again (the order's id is outstanding, and the bid
    /// path sends none for it), and a bought one has already restored the life at settlement.
    /// </summary>
    private int WearNeed(Resource resource) =>
        resource == Resource.Service && Spec.Wear is { } wear && _life <= wear.ReorderAt ? 1 : 0;

    /// <summary>A unit of service, bought or the device's own, fits a new part: its life is whole again.</summary>
    private void Replace(long units)
    {
        if (units <= 0 || Spec.Wear is not { } wear) return;
        _life = wear.Life;
        _replacements += units;
    }
}
