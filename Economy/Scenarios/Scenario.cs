using M2MSim.Economy.Settlement;

namespace M2MSim.Economy.Scenarios;

/// <summary>A validated scenario: what a scenario file describes, with every default filled in.</summary>
/// <param name="Periods">Trading periods and schedule shifts; null: the whole run is one period.</param>
/// <param name="Ledger">How payments settle; null: directly (instant and free), as does a direct ledger named in the file.</param>
/// <param name="RewardPool">The network-reward pool; null: none.</param>
public sealed record Scenario(
    string Name,
    string Description,
    ulong Seed,
    int Ticks,
    IReadOnlyList<MarketSpec> Markets,
    IReadOnlyList<PopulationSpec> Populations,
    OutputSpec Output,
    PeriodSpec? Periods = null,
    NetworkSpec? Network = null,
    LedgerSpec? Ledger = null,
    RewardPoolSpec? RewardPool = null)
{
    /// <summary>Money the run starts with outside the devices (the reward pool's fund).</summary>
    public long AccountsSupply => RewardPool?.Fund ?? 0;

    /// <summary>Whether the run keeps a settlement ledger beyond direct payment (or a reward pool).</summary>
    public bool HasLedger => Ledger is { Confirms: true } || RewardPool is not null;

    public int DeviceCount => Populations.Sum(p => p.Count);

    /// <summary>The device types, each once, in the order their first population comes.</summary>
    public IReadOnlyList<string> Types => Populations.Select(p => p.Type).Distinct().ToArray();

    /// <summary>Ticks per trading period: the run's length when it is one period.</summary>
    public int PeriodLength => Periods?.Length ?? Ticks;

    /// <summary>The number of (possibly incomplete) trading periods the run spans.</summary>
    public int PeriodCount => (Ticks + PeriodLength - 1) / PeriodLength;
}
