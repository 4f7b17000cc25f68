namespace M2MSim.Grains.Coordination;

/// <param name="ScenarioJson">The resolved scenario, as ScenarioJson writes it.</param>
/// <param name="Shards">Shard grains (at least 1).</param>
/// <param name="Parallelism">Device calls each shard keeps in flight (at least 1).</param>
/// <param name="DeactivateIdle">Devices idle for more than this many ticks deactivate and live as compact state in their shard (0: never).</param>
[GenerateSerializer, Immutable]
public sealed record RunSetup(
    [property: Id(0)] string ScenarioJson,
    [property: Id(1)] int Shards,
    [property: Id(2)] int Parallelism,
    [property: Id(3)] int DeactivateIdle = 0);
