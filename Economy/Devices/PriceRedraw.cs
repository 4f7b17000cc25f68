using M2MSim.Economy.Money;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Scenarios;

namespace M2MSim.Economy.Devices;

/// <summary>
/// The value and cost distributions of a population whose devices draw them afresh on every active
/// tick (<c>redraw: true</c>), indexed by resource (null: the device does not consume / produce it).
/// One instance is shared by every device of the population.
/// </summary>
public sealed record PriceRedraw(Distribution?[] Values, Distribution?[] Costs)
{
    /// <summary>
    /// This tick's values and costs, drawn from the stream keyed by (seed, redraw, device, tick), in
    /// resource order, value before cost. A purpose of its own, so scenarios without redraw, and every
    /// other draw of a device, see exactly the numbers they saw before redraw existed.
    /// </summary>
    public void Draw(ulong seed, int device, int tick, long[] values, long[] costs)
    {
        var random = new RandomStream(seed, RandomPurpose.Redraw, device, tick);
        for (var i = 0; i < Values.Length; i++)
        {
            if (Values[i] is { } v) values[i] = Micros.FromUnits(v.Sample(ref random));
            if (Costs[i] is { } c) costs[i] = Micros.FromUnits(c.Sample(ref random));
        }
    }
}
