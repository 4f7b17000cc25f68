using System.Text.Json;
using System.Text.Json.Nodes;

namespace M2MSim.Simulator.Results;

/// <summary>manifest.json: how a run was made and how it ended. It is the one file that differs between reruns.</summary>
/// <param name="Periods">Trading periods (the whole run is one period when the scenario sets none).</param>
/// <param name="Equilibrium">The competitive equilibrium of the unit schedules, per resource and schedule regime; empty without schedules.</param>
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
    IReadOnlyList<ManifestEquilibrium>? Equilibrium = null)
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
