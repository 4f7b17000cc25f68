using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace M2MSim.Economy.Scenarios.Loading;

/// <summary>
/// Applies command-line overrides (<c>path=value</c>) to the parsed tree before validation, so an
/// overridden value is checked exactly like one written in the file.
/// </summary>
internal static partial class OverrideApplier
{
    public static void Apply(YamlNode? root, IReadOnlyList<string> overrides, ErrorSink errors)
    {
        foreach (var text in overrides) Apply(root, text, errors);
    }

    private static void Apply(YamlNode? root, string text, ErrorSink errors)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0)
        {
            errors.AddOverride(text, "an override must have the form path=value, e.g. ticks=500");
            return;
        }
        var path = text[..eq].Trim();
        if (!TryParsePath(path, out var steps, out var problem))
        {
            errors.AddOverride(path.Length == 0 ? "(empty path)" : path, problem);
            return;
        }
        var value = ParseValue(text[(eq + 1)..], path, errors);
        if (value is null) return;
        // An empty or non-mapping file is already an error; there is nothing to attach the value to.
        if (root is not YamlMappingNode) return;

        YamlNode current = root;
        var at = "";
        for (var s = 0; s < steps.Count; s++)
        {
            var step = steps[s];
            var last = s == steps.Count - 1;
            var parentPath = at;
            at = step.Key is { } k ? FieldPath.Key(at, k) : FieldPath.Index(at, step.Index);
            switch (current)
            {
                case YamlMappingNode mapping when step.Key is { } key:
                    var existing = mapping.Children.Keys.FirstOrDefault(n => n is YamlScalarNode sn && sn.Value == key);
                    if (last)
                    {
                        errors.MarkFromOverride(value);
                        if (existing is null)
                        {
                            var keyNode = new YamlScalarNode(key);
                            errors.MarkFromOverride(keyNode);
                            mapping.Children.Add(keyNode, value);
                        }
                        else mapping.Children[existing] = value;
                        return;
                    }
                    if (existing is null)
                    {
                        errors.AddOverride(path, $"'{at}' is not in the scenario, so nothing under it can be set; set '{at}' as a whole instead");
                        return;
                    }
                    current = mapping.Children[existing];
                    break;
                case YamlSequenceNode sequence when step.Key is { } type && parentPath == "devices":
                    // devices.<type> names a population by its type, which is easier to type than an index.
                    var matches = sequence.Children.Where(d => TypeOf(d) == type).ToList();
                    if (matches.Count != 1)
                    {
                        var known = string.Join(", ", sequence.Children.Select(TypeOf).OfType<string>());
                        errors.AddOverride(path, matches.Count == 0
                            ? $"no population has type '{type}' (types: {known})"
                            : $"several populations have type '{type}'; select one with devices[i]");
                        return;
                    }
                    if (last)
                    {
                        errors.MarkFromOverride(value);
                        sequence.Children[sequence.Children.IndexOf(matches[0])] = value;
                        return;
                    }
                    current = matches[0];
                    break;
                case YamlSequenceNode sequence when step.Key is null:
                    if (step.Index >= sequence.Children.Count)
                    {
                        errors.AddOverride(path, string.Create(CultureInfo.InvariantCulture,
                            $"index {step.Index} is out of range: '{parentPath}' has {sequence.Children.Count} entries"));
                        return;
                    }
                    if (last)
                    {
                        errors.MarkFromOverride(value);
                        sequence.Children[step.Index] = value;
                        return;
                    }
                    current = sequence.Children[step.Index];
                    break;
                case YamlSequenceNode:
                    errors.AddOverride(path, $"'{parentPath}' is a list; select an entry with [i]");
                    return;
                default:
                    errors.AddOverride(path, step.Key is null
                        ? $"'{Shown(parentPath)}' is not a list, so it cannot be indexed"
                        : $"'{Shown(parentPath)}' is not a mapping, so it has no key '{step.Key}'");
                    return;
            }
        }
    }

    private static string Shown(string path) => path.Length == 0 ? FieldPath.Root : path;

    private static string? TypeOf(YamlNode population) =>
        population is YamlMappingNode m
            && m.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "type" }).Value is YamlScalarNode t
            ? t.Value
            : null;

    /// <summary>The value is YAML too, so numbers, names and flow mappings like {uniform: [1, 2]} all work.</summary>
    private static YamlNode? ParseValue(string text, string path, ErrorSink errors)
    {
        var local = new ErrorSink(ScenarioError.OverrideFile);
        var node = YamlReader.Read(text, local, "(syntax)");
        if (local.Count > 0)
        {
            foreach (var e in local.Sorted()) errors.AddOverride(path, $"invalid value '{text}': {e.Message}");
            return null;
        }
        return node ?? new YamlScalarNode("");
    }

    private static bool TryParsePath(string path, out List<Step> steps, out string problem)
    {
        steps = [];
        problem = "";
        if (path.Length == 0)
        {
            problem = "the path before '=' is empty";
            return false;
        }
        foreach (var segment in path.Split('.'))
        {
            var match = SegmentPattern().Match(segment);
            var hasKey = match.Success && match.Groups["key"].Length > 0;
            if (!match.Success || (!hasKey && (steps.Count == 0 || match.Groups["index"].Captures.Count == 0)))
            {
                problem = $"'{segment}' is not a valid path segment (expected key, key[i] or key[i][j])";
                return false;
            }
            if (hasKey) steps.Add(new Step(match.Groups["key"].Value, 0));
            foreach (Capture index in match.Groups["index"].Captures)
            {
                if (!int.TryParse(index.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                {
                    problem = $"index [{index.Value}] is too large";
                    return false;
                }
                steps.Add(new Step(null, i));
            }
        }
        return true;
    }

    [GeneratedRegex(@"^(?<key>[^\[\]]*)(\[(?<index>[0-9]+)\])*\z")]
    private static partial Regex SegmentPattern();

    private readonly record struct Step(string? Key, int Index);
}
