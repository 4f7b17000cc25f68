using M2MSim.Simulator.Commands;
using M2MSim.Simulator.Engines;

namespace M2MSim.Simulator.Tests;

/// <summary>
/// `run`'s shards and calls in flight when none are asked for: one shard on the embedded silo (measured
/// fastest there), 8 on a cluster so the shards spread over its silos, and 512 calls in flight in all.
/// </summary>
public sealed class EngineDefaultsTests
{
    [Theory]
    [InlineData(null, null, 0, null, 1, 512)] // embedded silo
    [InlineData(null, null, 3, null, 8, 64)] // local cluster
    [InlineData(null, null, 0, "127.0.0.1:6379", 8, 64)] // a cluster on Redis
    [InlineData(4, null, 0, null, 4, 128)] // shards asked for: the calls in flight split over them
    [InlineData(3, null, 0, null, 3, 171)] // rounded up, so never fewer than 512 in all
    [InlineData(null, 10, 0, null, 1, 10)] // calls in flight asked for
    [InlineData(2, 7, 2, null, 2, 7)] // both asked for
    public void Shards_and_calls_in_flight_as_asked_else_by_where_the_run_goes(int? shards, int? parallelism, int silos, string? redis, int expectedShards, int expectedParallelism)
    {
        var options = new RunSettings { Shards = shards, Parallelism = parallelism, Silos = silos, Cluster = redis, DeactivateIdle = 5 }.EngineOptions();
        Assert.Equal(new OrleansEngineOptions(expectedShards, expectedParallelism, 5), options);
    }
}
