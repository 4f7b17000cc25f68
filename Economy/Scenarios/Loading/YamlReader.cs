using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace M2MSim.Economy.Scenarios.Loading;

/// <summary>
/// Reads YAML text into YamlDotNet's representation model. The event stream is screened first
/// because YamlDotNet stops at the first duplicate key (and reports unknown aliases without a
/// position); screening reports those with their place and path, drops the offending entries,
/// and lets validation go on to find every other error.
/// </summary>
internal sealed class YamlReader
{
    private readonly ErrorSink _errors;
    private readonly List<ParsingEvent> _in = [];
    private readonly List<ParsingEvent> _out = [];
    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);
    private int _next;

    private YamlReader(ErrorSink errors)
    {
        _errors = errors;
    }

    /// <summary>The root node of the single document, or null when the text is not usable (errors say why).</summary>
    public static YamlNode? Read(string text, ErrorSink errors, string syntaxPath)
    {
        var reader = new YamlReader(errors);
        if (!reader.Scan(text, syntaxPath)) return null;
        var before = errors.Count;
        reader.Screen();
        try
        {
            var stream = new YamlStream();
            stream.Load(new EventList(reader._out));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            // Screening should have caught what YamlDotNet rejects; this is a backstop.
            if (errors.Count == before) errors.Add((int)e.Start.Line, (int)e.Start.Column, syntaxPath, e.Message);
            return null;
        }
    }

    private bool Scan(string text, string syntaxPath)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext()) _in.Add(parser.Current!);
            return true;
        }
        catch (YamlException e)
        {
            _errors.Add((int)e.Start.Line, (int)e.Start.Column, syntaxPath, e.Message);
            return false;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16 throws this (with no position) for some unclosed flow collections;
            // the last event it produced is the best place we have.
            var at = _in.Count > 0 ? _in[^1].End : new Mark();
            _errors.Add((int)at.Line, (int)at.Column, syntaxPath,
                "invalid YAML after this point (is a '[', '{' or quote left open?)");
            return false;
        }
    }

    private void Screen()
    {
        var documents = 0;
        while (_next < _in.Count)
        {
            var e = _in[_next];
            if (e is DocumentStart && documents++ > 0)
            {
                _errors.Add((int)e.Start.Line, (int)e.Start.Column, "(syntax)",
                    "a scenario file holds a single YAML document; remove the second '---' and what follows");
                while (_in[_next] is not StreamEnd) _next++;
                continue;
            }
            if (e is MappingStart or SequenceStart or Scalar or AnchorAlias) CopyNode(FieldPath.Root);
            else
            {
                _out.Add(e);
                _next++;
            }
        }
    }

    private void CopyNode(string path)
    {
        var e = _in[_next];
        if (e is NodeEvent { Anchor.IsEmpty: false } anchored) _anchors.Add(anchored.Anchor.Value);
        switch (e)
        {
            case AnchorAlias alias when !_anchors.Contains(alias.Value.Value):
                _errors.Add((int)alias.Start.Line, (int)alias.Start.Column, Display(path),
                    $"unknown alias '*{alias.Value.Value}' (no '&{alias.Value.Value}' before it)");
                // A null in its place keeps the tree intact; it is already reported, so errors about it are not.
                _errors.Suppress(alias.Start);
                _out.Add(new Scalar(AnchorName.Empty, TagName.Empty, "", ScalarStyle.Plain, true, false, alias.Start, alias.End));
                _next++;
                break;
            case SequenceStart:
                _out.Add(e);
                _next++;
                for (var i = 0; _in[_next] is not SequenceEnd; i++) CopyNode(FieldPath.Index(Parent(path), i));
                _out.Add(_in[_next++]);
                break;
            case MappingStart:
                _out.Add(e);
                _next++;
                CopyMappingEntries(path);
                _out.Add(_in[_next++]);
                break;
            default:
                _out.Add(e);
                _next++;
                break;
        }
    }

    private void CopyMappingEntries(string path)
    {
        var seen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        while (_in[_next] is not MappingEnd)
        {
            var key = _in[_next];
            if (key is not Scalar scalar)
            {
                _errors.Add((int)key.Start.Line, (int)key.Start.Column, Display(path),
                    "keys must be plain text (not a mapping, a sequence or an alias)");
                SkipNode();
                SkipNode();
                continue;
            }
            var keyPath = FieldPath.Key(Parent(path), scalar.Value);
            if (seen.TryGetValue(scalar.Value, out var first))
            {
                _errors.Add((int)key.Start.Line, (int)key.Start.Column, keyPath,
                    $"duplicate key '{scalar.Value}' (first given at line {first.Line}, column {first.Column})");
                SkipNode();
                SkipNode();
                continue;
            }
            seen.Add(scalar.Value, key.Start);
            _out.Add(key);
            _next++;
            CopyNode(keyPath);
        }
    }

    private void SkipNode()
    {
        var depth = 0;
        do
        {
            // Anchors inside a dropped entry are not recorded: aliases to them would dangle.
            depth += _in[_next++].NestingIncrease;
        }
        while (depth > 0);
    }

    // The root's own path is a marker, not a prefix for its children.
    private static string Parent(string path) => path == FieldPath.Root ? "" : path;

    private static string Display(string path) => path.Length == 0 ? FieldPath.Root : path;
}
