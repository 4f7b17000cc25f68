namespace M2MSim.Economy.Scenarios.Equilibrium;

/// <summary>Where demand (unit values) meets supply (unit costs): micro-units, units, micro-units.</summary>
/// <param name="P0">Competitive price: the midpoint of the range of prices that clear the market.</param>
/// <param name="Q0">Competitive quantity: units with value ≥ cost after sorting.</param>
/// <param name="MaxSurplus">Σ (value − cost) over the first Q0 pairs (Int128: count × schedule can outgrow a long).</param>
public readonly record struct SupplyDemandPoint(long P0, long Q0, Int128 MaxSurplus);
