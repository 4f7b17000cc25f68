namespace M2MSim.Economy.Scenarios;

/// <summary>A validated scenario: what a scenario file describes, with every default filled in.</summary>
/// <param name="Periods">Trading periods and schedule shifts; null: the whole run is one period.</param>
public sealed record Scenario(
    string Name,
    string Description,
    ulong Seed,
    int Ticks,
    IReadOnlyList<MarketSpec> Markets,
    IReadOnlyList<PopulationSpec> Populations,
    OutputSpec Output,
    PeriodSpec? Periods = null,
    NetworkSpec? Network = null)
{
    public int DeviceCount => Populations.Sum(p => p.Count);

    /// <summary>The device types, each once, in the order their first population comes.</summary>
    public IReadOnlyList<string> Types => Populations.Select(p => p.Type).Distinct().ToArray();

    /// <summary>Ticks per trading period: the run's length when it is one period.</summary>
    public int PeriodLength => Periods?.Length ?? Ticks;

    /// <summary>The number of (possibly incomplete) trading periods the run spans.</summary>
    public int PeriodCount => (Ticks + PeriodLength - 1) / PeriodLength;
}
