using System.Text.Json;

namespace M2MSim.Simulator.Sweeps;

/// <summary>
/// sweep.json: what the sweep is. A rerun into the same folder resumes only when it asks for the
/// same plan (the tool's versions aside), so finished runs are never mixed with another sweep's.
/// </summary>
/// <param name="Scenario">The scenario file as given on the command line.</param>
/// <param name="ScenarioSha256">Its content: an edited file is another sweep.</param>
/// <param name="Seed">The scenario's seed after --set/--seed: replication r runs with seed + r.</param>
/// <param name="Set">The --set (and --seed, --ticks) overrides applied to every run, before the varied ones.</param>
public sealed record SweepPlan(
    string Scenario,
    string ScenarioSha256,
    ulong Seed,
    IReadOnlyList<SweepParameter> Vary,
    int Replications,
    string Engine,
    bool Trades,
    IReadOnlyList<string> Set,
    int Points,
    int Runs,
    IReadOnlyDictionary<string, string> Versions)
{
    public const string FileName = "sweep.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    /// <summary>Same sweep: every field but the versions (a rebuilt tool may finish a sweep).</summary>
    public bool IsSameSweepAs(SweepPlan other) =>
        (this with { Versions = Empty }).ToJson() == (other with { Versions = Empty }).ToJson();

    /// <exception cref="SweepException">The file is not a plan this version can read.</exception>
    public static SweepPlan Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<SweepPlan>(File.ReadAllText(path), Options)
                ?? throw new SweepException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new SweepException($"{path} is not a sweep plan this version can read ({e.Message}).");
        }
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
