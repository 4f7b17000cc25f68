namespace M2MSim.Economy.Scenarios;

/// <summary>
/// A population's wearing part (a purifier's cartridge): <c>wear: {life, use, reorder, value}</c>.
/// The part has <see cref="Life"/> units of life; each active tick the device works it uses up a
/// draw of <see cref="Use"/>; at or below <see cref="Reorder"/> × life it buys one unit of
/// <c>service</c>, worth <see cref="Value"/> to it, which restores the part. Semantics: docs/devices.md.
/// </summary>
/// <param name="Life">Units of life of a new part (a whole number ≥ 1).</param>
/// <param name="Use">Life used per active tick, drawn once per device and rounded to a whole number.</param>
/// <param name="Reorder">The share of life at or below which a replacement is ordered, in [0, 1].</param>
/// <param name="Value">What a replacement is worth to the device (money units), drawn once per device.</param>
/// <param name="Spread">True (<c>start: spread</c>): a device's part starts with a life drawn uniformly from above the reorder point to life, as in a
/// fleet installed over time; null (<c>start: new</c>, the default): every part starts new, so a fleet wears out in step.</param>
public sealed record WearSpec(int Life, Distribution Use, double Reorder, Distribution Value, bool? Spread = null);
