using M2MSim.Economy.Scenarios;
using M2MSim.Simulator.Engines;
using M2MSim.Simulator.Runs;

namespace M2MSim.Grains.Tests;

/// <summary>Runs a scenario into a fresh temporary folder and reads its files back.</summary>
public static class RunFiles
{
    public static readonly string[] Csv = ["ticks.csv", "trades.csv", "devices.csv"];

    public static async Task<RunOutcome> Run(Scenario scenario, string engine, IGrainFactory? grains, int shards = 4, int deactivateIdle = 0)
    {
        var folder = Path.Combine(Path.GetTempPath(), "m2msim-tests", Guid.NewGuid().ToString("N"));
        var request = new RunRequest(scenario, "(test)", folder, engine, new OrleansEngineOptions(shards, 16, deactivateIdle), grains);
        return await RunDriver.RunAsync(request, progress: null, CancellationToken.None);
    }

    /// <summary>
    /// Runs the scenario on the reference engine and on the given cluster, and asserts both succeed,
    /// trade at least <paramref name="minTrades"/> times and write byte-identical CSV files.
    /// </summary>
    public static async Task<(RunOutcome Reference, RunOutcome Orleans)> AssertEnginesAgree(Scenario scenario, IGrainFactory grains, int shards, long minTrades = 0, int deactivateIdle = 0)
    {
        var reference = await Run(scenario, RunDriver.Reference, null);
        var orleans = await Run(scenario, RunDriver.Orleans, grains, shards, deactivateIdle);

        Assert.True(reference.Succeeded, reference.Error);
        Assert.True(orleans.Succeeded, orleans.Error);
        Assert.True(reference.Trades >= minTrades, $"the scenario should trade at least {minTrades} times, got {reference.Trades}");
        var expected = Read(reference);
        var actual = Read(orleans);
        foreach (var file in Csv) Assert.True(expected[file].AsSpan().SequenceEqual(actual[file]), $"{file} differs with {shards} shards");
        return (reference, orleans);
    }

    /// <summary>One column of a CSV file of the run, by its header name (columns are added over time: never by position).</summary>
    public static string[] Column(RunOutcome outcome, string file, string column)
    {
        var lines = File.ReadAllLines(Path.Combine(outcome.Folder, file)).Where(l => l != "").ToArray();
        var index = Array.IndexOf(lines[0].Split(','), column);
        Assert.True(index >= 0, $"{file} has no column {column}");
        return lines.Skip(1).Select(l => l.Split(',')[index]).ToArray();
    }

    public static Dictionary<string, byte[]> Read(RunOutcome outcome) =>
        Csv.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(outcome.Folder, f)));
}
