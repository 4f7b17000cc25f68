using System.Text.Json;

namespace M2MSim.Bench.Tests;

/// <summary>A child process asked for a floor order: it measures with it and says so, or refuses an unknown one before running.</summary>
public sealed class ChildFloorOrderTests
{
    [Fact]
    public async Task A_shuffled_floor_is_measured_and_named_in_the_note()
    {
        var (exit, result, stderr) = await Child("shuffled");
        Assert.Equal(0, exit);
        Assert.Contains("floor round 1: ", stderr, StringComparison.Ordinal); // its rounds show as the child's progress
        Assert.True(result.GetProperty("FloorCallsPerSecond").GetDouble() > 0);
        Assert.Equal("floor order: shuffled", result.GetProperty("Note").GetString());
        Assert.True(result.GetProperty("AllocatedBytesPerStep").GetDouble() > 0);
    }

    [Fact]
    public async Task An_unknown_floor_order_is_refused_before_the_run()
    {
        var (exit, result, stderr) = await Child("backwards");
        Assert.NotEqual(0, exit);
        Assert.Contains("backwards", result.GetProperty("Error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tick 0", stderr, StringComparison.Ordinal); // no tick ran
    }

    private static Task<(int Exit, JsonElement Result, string Stderr)> Child(string order) => BenchProgram.ChildAsync(
        $$"""{"Model":"money","Engine":"orleans","Gc":"server","Devices":200,"Ticks":3,"Shards":1,"Parallelism":16,"FloorRounds":1,"Warmup":1,"FloorOrder":"{{order}}"}""");
}
