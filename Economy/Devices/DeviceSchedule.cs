namespace M2MSim.Economy.Devices;

/// <summary>
/// The unit schedules of a textbook trader (Smith; Gode &amp; Sunder): in each trading period it may
/// buy each listed unit once (or sell each once); at the first tick of a period the endowment resets.
/// </summary>
/// <param name="PeriodLength">Ticks per period; <see cref="int.MaxValue"/> when the run is one period.</param>
/// <param name="Regimes">Sorted by <see cref="ScheduleRegime.FromPeriod"/>; the first starts at period 0.</param>
public sealed record DeviceSchedule(int PeriodLength, QuoteMode Quote, ScheduleRegime[] Regimes)
{
    public int PeriodOf(int tick) => tick / PeriodLength;

    /// <summary>The regime in force in a period: the last one that starts at or before it.</summary>
    public ScheduleRegime RegimeOf(int period)
    {
        var regime = Regimes[0];
        foreach (var r in Regimes)
        {
            if (r.FromPeriod <= period) regime = r;
        }
        return regime;
    }
}
