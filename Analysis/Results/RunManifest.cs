using System.Globalization;
using System.Text.Json;

namespace M2MSim.Analysis.Results;

/// <summary>What the analysis needs from manifest.json: seed, ticks, period length and the competitive equilibria.</summary>
public sealed record RunManifest(ulong Seed, int Ticks, int PeriodLength, IReadOnlyList<EquilibriumRecord> Equilibria)
{
    public int PeriodOf(int tick) => PeriodLength > 0 ? tick / PeriodLength : 0;

    public int Periods => PeriodLength > 0 ? (Ticks + PeriodLength - 1) / PeriodLength : 1;

    public EquilibriumRecord? EquilibriumFor(string resource, int period) =>
        Equilibria.FirstOrDefault(e => e.Resource == resource && e.Covers(period));

    public static RunManifest Read(string folder)
    {
        var path = Path.Combine(folder, "manifest.json");
        if (!File.Exists(path)) throw new ResultFileException($"{path}: missing.");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var scenario = root.GetProperty("resolved_scenario");
            // "periods": {"length": ticks per period, "count": …}; older manifests have none (one period).
            var periodLength = root.TryGetProperty("periods", out var periods) && periods.ValueKind == JsonValueKind.Object
                ? periods.GetProperty("length").GetInt32()
                : 0;
            var equilibria = new List<EquilibriumRecord>();
            if (root.TryGetProperty("equilibrium", out var eq) && eq.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in eq.EnumerateArray())
                {
                    equilibria.Add(new EquilibriumRecord(
                        e.GetProperty("resource").GetString()!, e.GetProperty("from_period").GetInt32(), e.GetProperty("to_period").GetInt32(),
                        Money(e.GetProperty("p0")), e.GetProperty("q0").GetInt64(), Money(e.GetProperty("max_surplus"))));
                }
            }
            return new RunManifest(root.GetProperty("seed").GetUInt64(), scenario.GetProperty("ticks").GetInt32(), periodLength, equilibria);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ResultFileException($"{path}: not a manifest this version can read ({e.Message}).");
        }
    }

    /// <summary>Money is written as exact decimal text ("12.500000"), or as a number.</summary>
    private static decimal Money(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? decimal.Parse(e.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture)
        : e.GetDecimal();
}
