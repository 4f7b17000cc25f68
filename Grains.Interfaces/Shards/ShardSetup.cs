namespace M2MSim.Grains.Shards;

/// <summary>What a shard needs to build its devices: it owns ids where id mod ShardCount = Index.</summary>
/// <param name="ScenarioJson">The resolved scenario (ScenarioJson); each shard expands its own devices from it.</param>
/// <param name="Parallelism">Device calls in flight at once (at least 1).</param>
/// <param name="DeactivateIdle">A device whose next scheduled step is more than this many ticks away deactivates after a quiet step; its shard keeps its state (0: never).</param>
/// <param name="Sent">Money sent and received so far, when the run goes on from a checkpoint (one shard carries the run's totals).</param>
[GenerateSerializer, Immutable]
public sealed record ShardSetup(
    [property: Id(0)] string RunId,
    [property: Id(1)] string ScenarioJson,
    [property: Id(2)] int ShardCount,
    [property: Id(3)] int Index,
    [property: Id(4)] int Parallelism,
    [property: Id(5)] long Sent = 0,
    [property: Id(6)] long Received = 0,
    [property: Id(7)] int DeactivateIdle = 0);
