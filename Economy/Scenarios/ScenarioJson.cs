using System.Text.Json;
using System.Text.Json.Serialization;

namespace M2MSim.Economy.Scenarios;

// TEMPORARY: replaced by the loader branch.
public static class ScenarioJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    public static string Serialize(Scenario scenario) => JsonSerializer.Serialize(scenario, Options);

    public static Scenario Deserialize(string json) => JsonSerializer.Deserialize<Scenario>(json, Options) ?? throw new JsonException("Empty scenario.");
}
