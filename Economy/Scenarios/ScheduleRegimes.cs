using M2MSim.Economy.Devices;
using M2MSim.Economy.Money;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Scenarios;

/// <summary>
/// Resolves a population's unit schedules and the scenario's shifts into regimes: the schedules in
/// force from a period on, in micro-units, values highest first and costs lowest first. The
/// population builder and the equilibrium both use it, so they cannot disagree.
/// </summary>
public static class ScheduleRegimes
{
    /// <summary>The regimes of one population: its own schedules from period 0, then one per period it is shifted in.</summary>
    public static ScheduleRegime[] Of(Scenario scenario, PopulationSpec population)
    {
        var buys = ToMicros(population.Buys, descending: true);
        var sells = ToMicros(population.Sells, descending: false);
        var regimes = new List<ScheduleRegime> { new(0, buys, sells) };
        var shifts = (scenario.Periods?.Shifts ?? [])
            .Where(s => s.Population == population.Type && s.Period > 0)
            .OrderBy(s => s.Period); // stable: shifts of one period apply in file order
        foreach (var shift in shifts)
        {
            var last = regimes[^1];
            var next = new ScheduleRegime(shift.Period, Replace(last.Buys, shift.Buys, descending: true), Replace(last.Sells, shift.Sells, descending: false));
            if (last.FromPeriod == shift.Period) regimes[^1] = next;
            else regimes.Add(next);
        }
        return regimes.ToArray();
    }

    /// <summary>The periods at which any population's schedules change, starting with 0, ascending.</summary>
    public static int[] Boundaries(Scenario scenario) =>
        (scenario.Periods?.Shifts ?? []).Select(s => s.Period).Append(0).Distinct().Order().ToArray();

    private static long[][] Replace(long[][] current, IReadOnlyDictionary<Resource, IReadOnlyList<double>>? changes, bool descending)
    {
        var result = (long[][])current.Clone();
        if (changes is null) return result;
        var replaced = ToMicros(changes, descending);
        foreach (var r in changes.Keys) result[(int)r] = replaced[(int)r];
        return result;
    }

    private static long[][] ToMicros(IReadOnlyDictionary<Resource, IReadOnlyList<double>>? schedules, bool descending)
    {
        var result = new long[Resources.Resources.Count][];
        foreach (var r in Resources.Resources.All)
        {
            var units = schedules is not null && schedules.TryGetValue(r, out var list) ? list.Select(Micros.FromUnits).ToArray() : [];
            Array.Sort(units);
            if (descending) Array.Reverse(units);
            result[(int)r] = units;
        }
        return result;
    }
}
