namespace M2MSim.Economy.Devices;

/// <summary>
/// One device's wearing part, as drawn from its population's <see cref="Scenarios.WearSpec"/>. What a
/// replacement is worth to the device is its value of <c>service</c> (<see cref="DeviceSpec.Values"/>),
/// so a bought replacement settles and counts in its surplus like any bought unit.
/// </summary>
/// <param name="Life">Units of life of a new part.</param>
/// <param name="Use">Units of life used on each active tick the device works.</param>
/// <param name="ReorderAt">The device orders a replacement once the remaining life is at or below this
/// (floor(reorder × life): life is whole, so "≤ r × L" and "≤ floor(r × L)" are the same test).</param>
/// <param name="Start">The life the part has when the run starts (0: a new part, <paramref name="Life"/>).</param>
public sealed record DeviceWear(int Life, int Use, int ReorderAt, int Start = 0)
{
    /// <summary>The life of the device's part at the start of the run.</summary>
    public int Initial => Start > 0 ? Start : Life;
}
