namespace M2MSim.Analysis.Results;

/// <summary>The competitive equilibrium of one resource over a range of trading periods, from manifest.json.</summary>
public sealed record EquilibriumRecord(string Resource, int FromPeriod, int ToPeriod, decimal P0, long Q0, decimal MaxSurplus)
{
    public bool Covers(int period) => period >= FromPeriod && period <= ToPeriod;
}
