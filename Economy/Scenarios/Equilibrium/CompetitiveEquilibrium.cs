using M2MSim.Economy.Money;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Scenarios.Equilibrium;

/// <summary>
/// The textbook competitive equilibrium of unit schedules (Smith 1962): sort unit values descending
/// and unit costs ascending; Q0 is the number of units whose value is at least their cost; every
/// price in [max(cost_Q0, value_Q0+1), min(value_Q0, cost_Q0+1)] clears the market (bounds that do
/// not exist are dropped), and P0 is that range's midpoint, rounded half to even to a micro-unit;
/// the maximum surplus is Σ (value − cost) over the first Q0 pairs. Fees are ignored. See docs/model.md.
/// </summary>
public static class CompetitiveEquilibrium
{
    /// <summary>
    /// The equilibrium of a market with these units, each given as (price in micro-units, number of
    /// such units); null when there are no values or no costs, since then there is no market to clear.
    /// </summary>
    public static SupplyDemandPoint? Solve(IEnumerable<(long Price, long Count)> values, IEnumerable<(long Price, long Count)> costs)
    {
        var demand = values.Where(v => v.Count > 0).OrderByDescending(v => v.Price).ToArray();
        var supply = costs.Where(c => c.Count > 0).OrderBy(c => c.Price).ToArray();
        if (demand.Length == 0 || supply.Length == 0) return null;

        // Walk both step functions a block of equal units at a time.
        int d = 0, s = 0;
        long dLeft = demand[0].Count, sLeft = supply[0].Count, q = 0;
        Int128 surplus = 0;
        long? lastValue = null, lastCost = null;
        while (d < demand.Length && s < supply.Length && demand[d].Price >= supply[s].Price)
        {
            var k = Math.Min(dLeft, sLeft);
            q = checked(q + k);
            surplus += (Int128)k * (demand[d].Price - supply[s].Price);
            (lastValue, lastCost) = (demand[d].Price, supply[s].Price);
            dLeft -= k;
            sLeft -= k;
            if (dLeft == 0 && ++d < demand.Length) dLeft = demand[d].Count;
            if (sLeft == 0 && ++s < supply.Length) sLeft = supply[s].Count;
        }
        long? nextValue = d < demand.Length ? demand[d].Price : null;
        long? nextCost = s < supply.Length ? supply[s].Price : null;

        var low = Max(lastCost, nextValue);
        var high = Min(lastValue, nextCost);
        var p0 = (low, high) switch
        {
            ({ } l, { } h) => Micros.DivRound(l + h, 2),
            ({ } l, null) => l,
            (null, { } h) => h,
            _ => throw new InvalidOperationException("A market with values and costs always has a price bound."),
        };
        return new SupplyDemandPoint(p0, q, surplus);
    }

    /// <summary>
    /// The equilibrium of every resource that has unit values and unit costs, per schedule regime (a
    /// range of periods in which no population's schedules change), over all devices (count × schedule).
    /// Populations without schedules are left out. Empty for a scenario without schedules.
    /// </summary>
    public static IReadOnlyList<MarketEquilibrium> Of(Scenario scenario)
    {
        var populations = scenario.Populations.Where(p => p.HasSchedules && p.Count > 0).ToArray();
        if (populations.Length == 0) return [];
        var regimes = populations.Select(p => ScheduleRegimes.Of(scenario, p)).ToArray();
        var lastPeriod = scenario.PeriodCount - 1;
        var bounds = ScheduleRegimes.Boundaries(scenario).Where(b => b <= lastPeriod).ToArray();

        var result = new List<MarketEquilibrium>();
        for (var b = 0; b < bounds.Length; b++)
        {
            var from = bounds[b];
            var to = b + 1 < bounds.Length ? bounds[b + 1] - 1 : lastPeriod;
            foreach (var resource in Resources.Resources.All)
            {
                var values = new List<(long, long)>();
                var costs = new List<(long, long)>();
                for (var p = 0; p < populations.Length; p++)
                {
                    var regime = regimes[p].Last(r => r.FromPeriod <= from);
                    values.AddRange(regime.Buys[(int)resource].Select(v => (v, (long)populations[p].Count)));
                    costs.AddRange(regime.Sells[(int)resource].Select(c => (c, (long)populations[p].Count)));
                }
                if (Solve(values, costs) is { } point) result.Add(new MarketEquilibrium(resource, from, to, point));
            }
        }
        return result;
    }

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
