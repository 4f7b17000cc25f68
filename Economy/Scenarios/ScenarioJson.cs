using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace M2MSim.Economy.Scenarios;

/// <summary>
/// JSON form of a resolved scenario: how it is shipped to grains and written into manifest.json.
/// Enums are written as their scenario-file names (compute, zi-c, cda) and properties in
/// snake_case, so the manifest reads like the YAML it came from.
/// </summary>
public static class ScenarioJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        // Optional parts (unit schedules, periods) are left out when absent, so scenarios without
        // them read as they did before those keys existed.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        // Computed properties (Scenario.DeviceCount, MarketSpec.Terms, Distribution.Max, ...) have no
        // setter; they are derived data, so they are left out rather than written and ignored on read.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropComputedProperties } },
    };

    public static string Serialize(Scenario scenario) => JsonSerializer.Serialize(scenario, Options);

    /// <exception cref="JsonException">The text is not a serialized scenario.</exception>
    public static Scenario Deserialize(string json) =>
        JsonSerializer.Deserialize<Scenario>(json, Options) ?? throw new JsonException("Expected a scenario object, got null.");

    private static void DropComputedProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].Set is null) info.Properties.RemoveAt(i);
        }
    }
}
