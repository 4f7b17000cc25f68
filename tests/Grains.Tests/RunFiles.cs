using M2MSim.Economy.Scenarios;
using M2MSim.Simulator.Engines;
using M2MSim.Simulator.Runs;

namespace M2MSim.Grains.Tests;

/// <summary>Runs a scenario into a fresh temporary folder and reads its files back.</summary>
public static class RunFiles
{
    public static readonly string[] Csv = ["ticks.csv", "trades.csv", "devices.csv"];

    public static async Task<RunOutcome> Run(Scenario scenario, string engine, IGrainFactory? grains, int shards = 4)
    {
        var folder = Path.Combine(Path.GetTempPath(), "m2msim-tests", Guid.NewGuid().ToString("N"));
        var request = new RunRequest(scenario, "(test)", folder, engine, new OrleansEngineOptions(shards, 16), grains);
        return await RunDriver.RunAsync(request, progress: null, CancellationToken.None);
    }

    public static Dictionary<string, byte[]> Read(RunOutcome outcome) =>
        Csv.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(outcome.Folder, f)));
}
