namespace M2MSim.Economy.Devices;

/// <summary>
/// A device's unit schedules from <see cref="FromPeriod"/> until the next regime. Indexed by
/// resource, in micro-units: <see cref="Buys"/> are unit values, highest first (a buyer buys its most
/// valuable unit first); <see cref="Sells"/> unit costs, lowest first. An empty array: no schedule.
/// </summary>
public sealed record ScheduleRegime(int FromPeriod, long[][] Buys, long[][] Sells)
{
    public long[] Units(int resource, Markets.Side side) => side == Markets.Side.Buy ? Buys[resource] : Sells[resource];
}
