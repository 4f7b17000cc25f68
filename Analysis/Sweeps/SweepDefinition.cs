using System.Globalization;
using System.Text.Json;
using M2MSim.Analysis.Results;

namespace M2MSim.Analysis.Sweeps;

/// <summary>
/// What the comparison needs from sweep.json: the varied parameters in order and the replications
/// per grid point. Other fields (scenario, seed, engine, overrides …) are tolerated and, where
/// present, shown as they are.
/// </summary>
public sealed record SweepDefinition(string? Scenario, int Replications, IReadOnlyList<SweepParameter> Parameters)
{
    /// <summary>Grid points: every combination of the parameters' values.</summary>
    public int Points => Parameters.Aggregate(1, (product, p) => product * p.Values.Count);

    public static SweepDefinition Read(string folder)
    {
        var path = System.IO.Path.Combine(folder, "sweep.json");
        if (!File.Exists(path)) throw new ResultFileException($"{path}: missing (is this a sweep folder?).");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var replications = root.GetProperty("replications").GetInt32();
            if (replications < 1) throw new ResultFileException($"{path}: replications must be at least 1, not {replications}.");
            var parameters = new List<SweepParameter>();
            foreach (var p in root.GetProperty("vary").EnumerateArray())
            {
                var name = p.GetProperty("path").GetString();
                if (string.IsNullOrWhiteSpace(name)) throw new ResultFileException($"{path}: a parameter has an empty path.");
                var values = p.GetProperty("values").EnumerateArray().Select(Text).ToArray();
                if (values.Length == 0) throw new ResultFileException($"{path}: parameter {name} has no values.");
                parameters.Add(new SweepParameter(name, values));
            }
            var scenario = root.TryGetProperty("scenario", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            return new SweepDefinition(scenario, replications, parameters);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ResultFileException($"{path}: not a sweep definition this version can read ({e.Message}).");
        }
    }

    /// <summary>Values are written as strings; a number is taken as its JSON text, so "0.02" and 0.02 match the CSV alike.</summary>
    private static string Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        _ => throw new FormatException($"a parameter value must be a string, not {e.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture)}"),
    };
}
