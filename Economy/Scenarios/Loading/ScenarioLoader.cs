using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace M2MSim.Economy.Scenarios.Loading;

/// <summary>
/// Reads scenario files (YAML, see docs/scenarios.md) into validated <see cref="Scenario"/>s.
/// Bad input always ends in a <see cref="ScenarioException"/> that lists every error found, each
/// with its line, column and field path, so a user can fix a file in one pass.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Reads and validates a scenario file.</summary>
    /// <param name="overrides">Command-line <c>path=value</c> overrides, applied in order before validation.</param>
    public static Scenario Load(string path, IReadOnlyList<string>? overrides = null)
    {
        if (Directory.Exists(path))
            throw new ScenarioException([new ScenarioError(path, 0, 0, "(file)", "this is a folder; give the path of a scenario file (.yaml)")]);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var message = e is FileNotFoundException or DirectoryNotFoundException
                ? "scenario file not found"
                : $"cannot read the scenario file: {e.Message}";
            throw new ScenarioException([new ScenarioError(path, 0, 0, "(file)", message)]);
        }
        return Parse(text, path, overrides);
    }

    /// <summary>
    /// The keys of each population (by index) that a valid scenario file left out and the device
    /// catalogue filled in (docs/devices.md): what a user did not write but the run will use.
    /// </summary>
    public static IReadOnlyDictionary<int, string[]> FilledByCatalogue(string path) =>
        CatalogueDefaults.Apply(YamlReader.Read(File.ReadAllText(path), new ErrorSink(path), "(syntax)"), new ErrorSink(path));

    /// <summary>Parses and validates scenario text; <paramref name="fileName"/> is only used in error messages.</summary>
    /// <param name="overrides">Command-line <c>path=value</c> overrides, applied in order before validation.</param>
    public static Scenario Parse(string yamlText, string fileName, IReadOnlyList<string>? overrides = null)
    {
        var errors = new ErrorSink(fileName);
        // File.ReadAllText drops a byte-order mark, but text from elsewhere may still carry one,
        // and YamlDotNet would make it part of the first key.
        if (yamlText.StartsWith('\uFEFF')) yamlText = yamlText[1..];
        // A null root with errors means the YAML itself is broken; there is no tree to check further.
        var root = YamlReader.Read(yamlText, errors, "(syntax)");
        var empty = IsEmpty(root);
        if (empty && errors.Count == 0)
            errors.Add(1, 1, FieldPath.Root, "the file is empty; a scenario needs at least name, ticks, markets and devices");
        // Catalogue defaults first, so an override can change a default (devices.purifier.wear.life=50).
        CatalogueDefaults.Apply(root, errors);
        OverrideApplier.Apply(root, overrides ?? [], errors);
        var scenario = empty ? null : ScenarioValidator.Validate(root!, errors);
        errors.ThrowIfAny();
        return scenario!;
    }

    private static bool IsEmpty(YamlNode? root) =>
        root is null or YamlScalarNode
        {
            Value: null or "" or "~" or "null" or "Null" or "NULL",
            Style: ScalarStyle.Plain or ScalarStyle.Any,
        };
}
