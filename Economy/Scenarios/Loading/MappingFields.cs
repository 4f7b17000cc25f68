using YamlDotNet.RepresentationModel;

namespace M2MSim.Economy.Scenarios.Loading;

/// <summary>
/// The entries of one mapping checked against the keys it may have: unknown keys are reported
/// (with the allowed ones) as soon as it is built, missing required keys when they are asked for.
/// </summary>
internal sealed class MappingFields
{
    private readonly ErrorSink _errors;
    private readonly YamlMappingNode _node;
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);

    public MappingFields(ErrorSink errors, YamlMappingNode node, string path, IReadOnlyList<string> allowed)
    {
        _errors = errors;
        _node = node;
        Path = path;
        foreach (var (key, value) in node.Children)
        {
            // Keys are scalars here: YamlReader drops the others.
            var name = ((YamlScalarNode)key).Value ?? "";
            if (allowed.Contains(name, StringComparer.Ordinal)) _values[name] = value;
            else errors.Add(key, FieldPath.Key(path, name), $"unknown key '{name}'; allowed keys: {string.Join(", ", allowed)}");
        }
    }

    public string Path { get; }

    public string PathOf(string key) => FieldPath.Key(Path, key);

    public bool Has(string key) => _values.ContainsKey(key);

    public YamlNode? Optional(string key) => _values.GetValueOrDefault(key);

    public YamlNode? Required(string key)
    {
        if (_values.TryGetValue(key, out var node)) return node;
        _errors.Add(_node, PathOf(key), $"missing required key '{key}'");
        return null;
    }
}
