namespace M2MSim.Economy.Scenarios;

/// <summary>A validated scenario: what a scenario file describes, with every default filled in.</summary>
public sealed record Scenario(
    string Name,
    string Description,
    ulong Seed,
    int Ticks,
    IReadOnlyList<MarketSpec> Markets,
    IReadOnlyList<PopulationSpec> Populations,
    OutputSpec Output)
{
    public int DeviceCount => Populations.Sum(p => p.Count);
}
