using System.Text.Json;

namespace M2MSim.Analysis.Results;

/// <summary>What a report's headline takes from manifest.json: the run's name, seed, engine, ticks run and devices.</summary>
public sealed record RunDescription(string Name, ulong Seed, string Engine, int TicksRun, int Devices)
{
    public static RunDescription Read(string folder)
    {
        var path = Path.Combine(folder, "manifest.json");
        if (!File.Exists(path)) throw new ResultFileException($"{path}: missing.");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var name = root.GetProperty("resolved_scenario").GetProperty("name").GetString() ?? "";
            return new RunDescription(name, root.GetProperty("seed").GetUInt64(), root.GetProperty("engine").GetString() ?? "",
                root.GetProperty("ticks_run").GetInt32(), root.GetProperty("devices").GetInt32());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ResultFileException($"{path}: not a manifest this version can read ({e.Message}).");
        }
    }
}
