using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;

namespace M2MSim.Grains.Markets;

/// <param name="Market">
/// The scenario's market as a whole, so the grain builds its mechanism with the same factory as the
/// reference engine (it travels as JSON, like every economy type).
/// </param>
[GenerateSerializer, Immutable]
public sealed record MarketSetup(
    [property: Id(0)] string RunId,
    [property: Id(1)] MarketSpec Market,
    [property: Id(2)] ulong Seed,
    [property: Id(3)] int ShardCount)
{
    public Resource Resource => Market.Resource;
}
