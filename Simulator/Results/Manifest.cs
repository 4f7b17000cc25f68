using System.Text.Json;
using System.Text.Json.Nodes;

namespace M2MSim.Simulator.Results;

/// <summary>manifest.json: how a run was made and how it ended. It is the one file that differs between reruns.</summary>
/// <param name="Periods">Trading periods (the whole run is one period when the scenario sets none).</param>
/// <param name="Equilibrium">The competitive equilibrium of the unit schedules, per resource and schedule regime; empty without schedules.</param>
/// <param name="CheckpointEvery">Ticks between checkpoints (0: none).</param>
/// <param name="Checkpoints">Checkpoints this process saved, and the seconds they took (the run paused for them).</param>
/// <param name="Recoveries">Silos lost during the run, and the checkpoints it went on from.</param>
/// <param name="Resumes">Each `run --resume` that brought the run here.</param>
public sealed record Manifest(
    string Scenario,
    JsonNode ResolvedScenario,
    ulong Seed,
    string Engine,
    int Silos,
    int Shards,
    IReadOnlyDictionary<string, string> Versions,
    DateTimeOffset StartedUtc,
    DateTimeOffset EndedUtc,
    double WallSeconds,
    int TicksRun,
    long Devices,
    long InitialSupply,
    string Outcome,
    string? Error,
    IReadOnlyList<string> Files,
    ManifestPeriods? Periods = null,
    IReadOnlyList<ManifestEquilibrium>? Equilibrium = null,
    int CheckpointEvery = 0,
    ManifestCheckpoints? Checkpoints = null,
    IReadOnlyList<M2MSim.Simulator.Checkpoints.RecoveryRecord>? Recoveries = null,
    IReadOnlyList<M2MSim.Simulator.Checkpoints.ResumeRecord>? Resumes = null)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, "manifest.json"), JsonSerializer.Serialize(this, Options) + "\n");

    public static IReadOnlyDictionary<string, string> CurrentVersions() => new Dictionary<string, string>
    {
        ["m2msim"] = typeof(Manifest).Assembly.GetName().Version?.ToString() ?? "0",
        ["orleans"] = typeof(Orleans.IGrainFactory).Assembly.GetName().Version?.ToString() ?? "?",
        ["dotnet"] = Environment.Version.ToString(),
        ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
    };
}
