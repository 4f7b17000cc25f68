namespace M2MSim.Grains.Shards;

/// <summary>A shard's part of a tick barrier.</summary>
/// <param name="Wealth">Balance + escrow of each of the shard's devices, in local order.</param>
/// <param name="FeesPaid">Fees its devices paid in this tick.</param>
/// <param name="Active">Devices it stepped.</param>
[GenerateSerializer, Immutable]
public sealed record ShardTickReport([property: Id(0)] long[] Wealth, [property: Id(1)] long FeesPaid, [property: Id(2)] int Active);
