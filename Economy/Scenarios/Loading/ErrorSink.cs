using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace M2MSim.Economy.Scenarios.Loading;

/// <summary>
/// Collects errors while a scenario is read, placing each at the node it is about. Nodes that came
/// from a --set override have no place in the file, so their errors are attributed to --set; nodes
/// a device type's catalogue profile filled in are attributed to the population's <c>type</c>.
/// </summary>
internal sealed class ErrorSink
{
    private readonly List<ScenarioError> _errors = [];
    private readonly HashSet<YamlNode> _overrideNodes = new(ReferenceEqualityComparer.Instance);

    private readonly Dictionary<YamlNode, (YamlNode Type, string Name)> _defaultNodes = new(ReferenceEqualityComparer.Instance);

    private readonly HashSet<(long Line, long Column)> _suppressed = [];

    public ErrorSink(string fileName)
    {
        FileName = fileName;
    }

    public string FileName { get; }

    public int Count => _errors.Count;

    public void Add(YamlNode node, string path, string message)
    {
        if (node is YamlScalarNode && _suppressed.Contains((node.Start.Line, node.Start.Column)) && !IsFromOverride(node)) return;
        if (_overrideNodes.Contains(node)) AddOverride(path, message);
        else if (_defaultNodes.TryGetValue(node, out var from))
            Add(from.Type, path, $"{message} (a default of type '{from.Name}', see docs/devices.md; give the key to replace it)");
        else Add(checked((int)node.Start.Line), checked((int)node.Start.Column), path, message);
    }

    public void Add(int line, int column, string path, string message) =>
        _errors.Add(new ScenarioError(FileName, line, column, path, message));

    public void AddOverride(string path, string message) =>
        _errors.Add(new ScenarioError(ScenarioError.OverrideFile, 0, 0, path, message));

    /// <summary>Remembers a node (and everything under it) as coming from the command line.</summary>
    public void MarkFromOverride(YamlNode node)
    {
        foreach (var n in node.AllNodes) _overrideNodes.Add(n);
    }

    /// <summary>
    /// Remembers a node (and everything under it) as filled in from the catalogue profile of the type
    /// named at <paramref name="type"/>: it has no place in the file, so its errors point at the type.
    /// </summary>
    public void MarkFromDefault(YamlNode node, YamlNode type, string name)
    {
        foreach (var n in node.AllNodes) _defaultNodes[n] = (type, name);
    }

    /// <summary>
    /// Drops later errors about the scalar at <paramref name="at"/>: a placeholder put where the
    /// reader already reported a problem (an unknown alias), which would otherwise be reported twice.
    /// </summary>
    public void Suppress(Mark at) => _suppressed.Add((at.Line, at.Column));

    public bool IsFromOverride(YamlNode node) => _overrideNodes.Contains(node);

    /// <summary>File errors in reading order, then the command-line ones in the order given.</summary>
    public IReadOnlyList<ScenarioError> Sorted() =>
        [.. _errors
            .OrderBy(e => e.File == ScenarioError.OverrideFile ? 1 : 0)
            .ThenBy(e => e.Line)
            .ThenBy(e => e.Column)];

    public void ThrowIfAny()
    {
        if (_errors.Count > 0) throw new ScenarioException(Sorted());
    }
}
