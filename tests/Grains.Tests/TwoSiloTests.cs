using M2MSim.Simulator.Runs;

namespace M2MSim.Grains.Tests;

public sealed class TwoSiloTests(TwoSiloClusterFixture fixture) : IClassFixture<TwoSiloClusterFixture>
{
    [Fact]
    public async Task Two_silos_write_the_same_files_as_the_reference_engine()
    {
        var scenario = TestScenarios.Mixed(seed: 5);
        var reference = RunFiles.Read(await RunFiles.Run(scenario, RunDriver.Reference, null));
        var outcome = await RunFiles.Run(scenario, RunDriver.Orleans, fixture.Grains, shards: 6);

        Assert.True(outcome.Succeeded, outcome.Error);
        var cluster = RunFiles.Read(outcome);
        foreach (var file in RunFiles.Csv) Assert.True(reference[file].AsSpan().SequenceEqual(cluster[file]), $"{file} differs on two silos");
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.Folder, "manifest.json")));
        Assert.Equal(2, manifest.RootElement.GetProperty("silos").GetInt32());
    }
}
