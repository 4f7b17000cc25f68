using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace M2MSim.Economy.Scenarios.Loading;

/// <summary>
/// Reads typed values out of nodes. Each method reports what is wrong at the node and returns null,
/// so a caller can keep going and find the next error.
/// </summary>
internal sealed partial class NodeReader
{
    private const string StringTag = "tag:yaml.org,2002:str";

    // 2^53: beyond it a double no longer holds every integer, so "1e20" is not accepted as an integer.
    private const double MaxExactInteger = 9007199254740992;

    private readonly ErrorSink _errors;

    public NodeReader(ErrorSink errors)
    {
        _errors = errors;
    }

    public ErrorSink Errors => _errors;

    public void Error(YamlNode node, string path, string message) => _errors.Add(node, path, message);

    public YamlMappingNode? Mapping(YamlNode node, string path)
    {
        if (node is YamlMappingNode m) return m;
        Error(node, path, $"expected a mapping, got {Describe(node)}");
        return null;
    }

    public YamlSequenceNode? Sequence(YamlNode node, string path, string what = "a list")
    {
        if (node is YamlSequenceNode s) return s;
        Error(node, path, $"expected {what}, got {Describe(node)}");
        return null;
    }

    public string? Text(YamlNode node, string path)
    {
        if (node is YamlScalarNode s && !IsNull(s)) return s.Value ?? "";
        Error(node, path, $"expected a text value, got {Describe(node)}");
        return null;
    }

    public bool? Bool(YamlNode node, string path)
    {
        if (node is YamlScalarNode s && IsPlain(s))
        {
            switch (s.Value)
            {
                case "true" or "True" or "TRUE": return true;
                case "false" or "False" or "FALSE": return false;
            }
        }
        Error(node, path, $"expected true or false, got {Describe(node)}");
        return null;
    }

    /// <summary>A finite number in [min, max] (or [min, max) when <paramref name="maxExclusive"/>).</summary>
    public double? Number(YamlNode node, string path, double min, double max, bool minExclusive = false, bool maxExclusive = false)
    {
        var value = Number(node, path);
        if (value is not { } v) return null;
        var below = minExclusive ? v <= min : v < min;
        var above = maxExclusive ? v >= max : v > max;
        if (!below && !above) return v;
        var lower = minExclusive ? $"greater than {Format(min)}" : $"at least {Format(min)}";
        var upper = maxExclusive ? $"less than {Format(max)}" : $"at most {Format(max)}";
        var bound = double.IsPositiveInfinity(max) ? lower : $"{lower} and {upper}";
        Error(node, path, $"must be {bound}, got {Format(v)}");
        return null;
    }

    public double? Number(YamlNode node, string path)
    {
        if (node is YamlScalarNode s && IsPlain(s) && s.Value is { } text)
        {
            if (InfinityOrNaN().IsMatch(text))
            {
                Error(node, path, $"must be a finite number, got '{text}'");
                return null;
            }
            if (NumberPattern().IsMatch(text)
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                if (double.IsFinite(v)) return v;
                Error(node, path, $"must be a finite number, got '{text}'");
                return null;
            }
        }
        Error(node, path, $"expected a number, got {Describe(node)}");
        return null;
    }

    public long? Integer(YamlNode node, string path, long min, long max)
    {
        if (node is YamlScalarNode s && IsPlain(s) && s.Value is { } text)
        {
            long? value = null;
            var tooLarge = false;
            if (IntegerPattern().IsMatch(text))
            {
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) value = l;
                else tooLarge = true;
            }
            else if (NumberPattern().IsMatch(text)
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                && Math.Abs(d) <= MaxExactInteger && d == Math.Floor(d))
            {
                value = (long)d; // "1e6" is an integer too
            }
            if (value is { } v && v >= min && v <= max) return v;
            if (value is not null || tooLarge)
            {
                // "at least 0" reads better than "between 0 and 2147483647" when the upper bound is just the type's.
                var bound = max >= int.MaxValue && (value is null || value < min) ? $"at least {min}" : $"between {min} and {max}";
                Error(node, path, string.Create(CultureInfo.InvariantCulture, $"must be {bound}, got {text}"));
                return null;
            }
        }
        Error(node, path, $"expected an integer, got {Describe(node)}");
        return null;
    }

    public ulong? UnsignedInteger(YamlNode node, string path)
    {
        if (node is YamlScalarNode s && IsPlain(s) && s.Value is { } text && IntegerPattern().IsMatch(text))
        {
            if (ulong.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return v;
            Error(node, path, $"must be between 0 and {ulong.MaxValue}, got {text}");
            return null;
        }
        Error(node, path, $"expected an integer, got {Describe(node)}");
        return null;
    }

    /// <summary>
    /// A non-negative quantity: a number, {uniform: [low, high]} or {normal: {mean: m, sd: s}}.
    /// <paramref name="max"/> bounds the largest value a draw can take, so conversions cannot overflow.
    /// </summary>
    public Distribution? Distribution(YamlNode node, string path, double max)
    {
        if (node is YamlScalarNode)
        {
            return Number(node, path, 0, max) is { } fixedValue ? Scenarios.Distribution.Fixed(fixedValue) : null;
        }
        if (node is not YamlMappingNode mapping)
        {
            Error(node, path, $"expected a number, {{uniform: [low, high]}} or {{normal: {{mean: m, sd: s}}}}, got {Describe(node)}");
            return null;
        }
        var fields = new MappingFields(_errors, mapping, path, ["uniform", "normal"]);
        var kinds = new[] { "uniform", "normal" }.Where(fields.Has).ToList();
        if (kinds.Count != 1)
        {
            if (kinds.Count == 2 || mapping.Children.Count == 0)
                Error(node, path, "a distribution has exactly one key: uniform or normal");
            return null;
        }
        Distribution? result = null;
        if (fields.Optional("uniform") is { } uniform)
        {
            var uPath = fields.PathOf("uniform");
            if (Sequence(uniform, uPath, "a list [low, high]") is not { } pair) return null;
            if (pair.Children.Count != 2)
            {
                Error(pair, uPath, string.Create(CultureInfo.InvariantCulture, $"expected two numbers [low, high], got {pair.Children.Count}"));
                return null;
            }
            var low = Number(pair.Children[0], FieldPath.Index(uPath, 0), 0, max);
            var high = Number(pair.Children[1], FieldPath.Index(uPath, 1), 0, max);
            if (low is not { } l || high is not { } h) return null;
            if (l > h)
            {
                Error(pair, uPath, $"low must not exceed high, got [{Format(l)}, {Format(h)}]");
                return null;
            }
            result = Scenarios.Distribution.Uniform(l, h);
        }
        else if (fields.Optional("normal") is { } normal)
        {
            var nPath = fields.PathOf("normal");
            if (Mapping(normal, nPath) is not { } parameters) return null;
            var p = new MappingFields(_errors, parameters, nPath, ["mean", "sd"]);
            var mean = p.Required("mean") is { } m ? Number(m, p.PathOf("mean"), 0, max) : null;
            var sd = p.Required("sd") is { } sdNode ? Number(sdNode, p.PathOf("sd"), 0, max) : null;
            if (mean is not { } mv || sd is not { } sv) return null;
            result = Scenarios.Distribution.Normal(mv, sv);
            if (result.Max > max)
            {
                Error(normal, nPath, $"mean + 6 sd (the largest value drawn) must be at most {Format(max)}, got {Format(result.Max)}");
                return null;
            }
        }
        return result;
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing (null)",
        YamlScalarNode s => $"'{Shorten(s.Value ?? "")}'",
        _ => "an unsupported node",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    /// <summary>Unquoted and untagged: only such scalars can be numbers, booleans or null.</summary>
    private static bool IsPlain(YamlScalarNode s) =>
        s.Style is ScalarStyle.Plain or ScalarStyle.Any
        && (s.Tag.IsEmpty || s.Tag.IsNonSpecific || s.Tag.Value != StringTag);

    private static bool IsNull(YamlScalarNode s) =>
        IsPlain(s) && s.Value is null or "" or "~" or "null" or "Null" or "NULL";

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\z")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[-+]?[0-9]+\z")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))\z")]
    private static partial Regex InfinityOrNaN();
}
