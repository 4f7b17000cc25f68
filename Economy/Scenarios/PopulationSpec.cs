using M2MSim.Economy.Resources;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Scenarios;

/// <summary>
/// A group of devices of one type. Per-resource maps hold only the resources the scenario names;
/// production and consumption are units per active tick, values and costs money units per unit.
/// </summary>
public sealed record PopulationSpec(
    string Type,
    int Count,
    StrategySpec Strategy,
    Distribution Wallet,
    int Every,
    IReadOnlyDictionary<Resource, Distribution> Produces,
    IReadOnlyDictionary<Resource, Distribution> Consumes,
    IReadOnlyDictionary<Resource, Distribution> Values,
    IReadOnlyDictionary<Resource, Distribution> Costs);
