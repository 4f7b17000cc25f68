using M2MSim.Economy.Resources;

namespace M2MSim.Grains.Markets;

[GenerateSerializer, Immutable]
public sealed record MarketSetup(
    [property: Id(0)] string RunId,
    [property: Id(1)] Resource Resource,
    [property: Id(2)] long FeePpm,
    [property: Id(3)] ulong Seed,
    [property: Id(4)] int ShardCount);
