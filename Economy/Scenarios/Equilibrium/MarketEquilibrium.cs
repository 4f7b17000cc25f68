using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Scenarios.Equilibrium;

/// <summary>The competitive equilibrium of one resource over periods [FromPeriod, ToPeriod], whose schedules are the same.</summary>
public sealed record MarketEquilibrium(Resource Resource, int FromPeriod, int ToPeriod, SupplyDemandPoint Point);
