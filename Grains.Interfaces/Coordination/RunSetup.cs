using M2MSim.Grains.Shards;

namespace M2MSim.Grains.Coordination;

/// <param name="ScenarioJson">The resolved scenario, as ScenarioJson writes it.</param>
[GenerateSerializer, Immutable]
public sealed record RunSetup(
    [property: Id(0)] string ScenarioJson,
    [property: Id(1)] int Shards,
    [property: Id(2)] int Parallelism,
    [property: Id(3)] FaultPlan Faults);
