using System.Text.Json;
using System.Text.Json.Serialization;

namespace M2MSim.Economy.Tests.Checkpoints;

/// <summary>
/// A deterministic text of a report or a snapshot, to compare them whole: records holding arrays
/// compare their arrays by reference, and a Gini double must match to the bit, which its shortest
/// round-trip form does.
/// </summary>
internal static class Rendering
{
    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Of<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static string[] All<T>(IEnumerable<T> values) => values.Select(Of).ToArray();
}
