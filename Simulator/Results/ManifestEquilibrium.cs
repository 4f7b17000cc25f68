using M2MSim.Economy.Money;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios.Equilibrium;

namespace M2MSim.Simulator.Results;

/// <summary>
/// One competitive equilibrium in manifest.json: a resource over a range of periods with the same
/// unit schedules. Money in money units as exact decimals, like the CSV files.
/// </summary>
public sealed record ManifestEquilibrium(string Resource, int FromPeriod, int ToPeriod, decimal P0, long Q0, decimal MaxSurplus)
{
    public static ManifestEquilibrium From(MarketEquilibrium e) => new(
        e.Resource.Name(), e.FromPeriod, e.ToPeriod,
        (decimal)e.Point.P0 / Micros.PerUnit, e.Point.Q0, (decimal)e.Point.MaxSurplus / Micros.PerUnit);
}
