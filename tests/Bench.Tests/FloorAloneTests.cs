using System.Text.Json;

namespace M2MSim.Bench.Tests;

/// <summary>The floor alone measures rounds of calls: a request without one is refused before a silo starts.</summary>
public sealed class FloorAloneTests
{
    [Fact]
    public async Task A_floor_alone_without_a_warm_round_is_refused()
    {
        var (exit, result, _) = await BenchProgram.ChildAsync(
            """{"Model":"money","Engine":"floor","Gc":"server","Devices":200,"Ticks":3,"Shards":1,"Parallelism":16,"FloorRounds":0,"Warmup":1}""");

        Assert.NotEqual(0, exit);
        Assert.Contains("warm round", result.GetProperty("Error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("FloorCallsPerSecond").ValueKind); // nothing was measured
    }
}
