using System.Text.Json;
using System.Text.Json.Serialization;

namespace M2MSim.Economy.Checkpoints;

/// <summary>
/// JSON form of a checkpoint: the header (<see cref="Checkpoint"/>) as one indented document, and
/// each device (<see cref="DeviceCheckpoint"/>) as one line, so a file of millions of devices is JSON
/// Lines that can be written and read one device at a time. Nulls are left out and enums written by
/// name (buy, compute, walk-away) to keep lines short and readable. Round trips are exact: integers
/// are integers, and System.Text.Json writes a double in its shortest form that parses back to the
/// same bits (what a ZIP trader's margins need to go on identically).
/// </summary>
public static class CheckpointJson
{
    private static readonly JsonSerializerOptions Lines = new()
    {
        WriteIndented = false, // so that no newline is ever written inside a line
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // A learning strategy's numbers are finite today, but one that ever were not must still
        // round-trip rather than fail the whole checkpoint.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // A non-nullable field written as null is an error, not a null the engine trips over later.
        // (Missing fields are not: nulls are left out, so a missing nullable one is normal.)
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    private static readonly JsonSerializerOptions Document = new(Lines) { WriteIndented = true };

    public static string Serialize(Checkpoint checkpoint) => JsonSerializer.Serialize(checkpoint, Document);

    /// <exception cref="JsonException">The text is not a serialized checkpoint.</exception>
    public static Checkpoint DeserializeCheckpoint(string json) =>
        JsonSerializer.Deserialize<Checkpoint>(json, Document) ?? throw new JsonException("Expected a checkpoint object, got null.");

    /// <summary>One device as one line of JSON, without its line break.</summary>
    public static string SerializeLine(DeviceCheckpoint device) => JsonSerializer.Serialize(device, Lines);

    /// <exception cref="JsonException">The line is not a serialized device checkpoint.</exception>
    public static DeviceCheckpoint DeserializeLine(string line) =>
        JsonSerializer.Deserialize<DeviceCheckpoint>(line, Lines) ?? throw new JsonException("Expected a device checkpoint object, got null.");
}
