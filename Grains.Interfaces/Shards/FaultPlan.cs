namespace M2MSim.Grains.Shards;

/// <summary>
/// Faults to inject, for tests of the invariant checks: the shard loses one device's reply (its
/// orders and new wallet summary) at one tick, as if the message had been dropped.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FaultPlan([property: Id(0)] int LoseReplyTick, [property: Id(1)] int LoseReplyDevice)
{
    public static readonly FaultPlan None = new(-1, -1);
}
