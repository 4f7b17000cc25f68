using M2MSim.Simulator.Runs;

namespace M2MSim.Grains.Tests;

/// <summary>The reference loop is the oracle: the grains must write exactly its files.</summary>
public sealed class EngineEquivalenceTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public async Task Orleans_engine_writes_the_reference_files_byte_for_byte_whatever_the_shard_count(int shards)
    {
        var scenario = TestScenarios.Mixed();
        var (reference, orleans) = await RunFiles.AssertEnginesAgree(scenario, fixture.Grains, shards, minTrades: 51);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Textbook_traders_with_periods_and_shifts_give_the_reference_files_too(int shards)
    {
        var scenario = TestScenarios.Classic();
        var (reference, orleans) = await RunFiles.AssertEnginesAgree(scenario, fixture.Grains, shards, minTrades: 21);

        // The manifest carries the periods and the competitive equilibrium of each schedule regime.
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(reference.Folder, "manifest.json")));
        var periods = manifest.RootElement.GetProperty("periods");
        Assert.Equal((10, 4), (periods.GetProperty("length").GetInt32(), periods.GetProperty("count").GetInt32()));
        var equilibrium = manifest.RootElement.GetProperty("equilibrium").EnumerateArray().ToArray();
        Assert.Equal([(0, 1), (2, 3)], equilibrium.Select(e => (e.GetProperty("from_period").GetInt32(), e.GetProperty("to_period").GetInt32())));
        Assert.All(equilibrium, e => Assert.Equal("data", e.GetProperty("resource").GetString()));
        Assert.True(equilibrium[1].GetProperty("max_surplus").GetDecimal() > equilibrium[0].GetProperty("max_surplus").GetDecimal());
    }

    [Fact]
    public async Task Same_seed_twice_gives_identical_files_and_another_seed_does_not()
    {
        var first = RunFiles.Read(await RunFiles.Run(TestScenarios.Mixed(seed: 11), RunDriver.Orleans, fixture.Grains));
        var second = RunFiles.Read(await RunFiles.Run(TestScenarios.Mixed(seed: 11), RunDriver.Orleans, fixture.Grains));
        var other = RunFiles.Read(await RunFiles.Run(TestScenarios.Mixed(seed: 12), RunDriver.Orleans, fixture.Grains));

        foreach (var file in RunFiles.Csv) Assert.Equal(first[file], second[file]);
        Assert.NotEqual(first["trades.csv"], other["trades.csv"]);
    }
}
