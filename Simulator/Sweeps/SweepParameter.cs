namespace M2MSim.Simulator.Sweeps;

/// <summary>One --vary: an override path and the values it takes, in the order given.</summary>
/// <param name="Path">Any --set path, e.g. devices.car.count or markets[0].fee; it names the parameter's column in sweep.csv.</param>
/// <param name="Values">YAML scalars, as they are applied with --set.</param>
public sealed record SweepParameter(string Path, IReadOnlyList<string> Values)
{
    /// <summary>Reads <c>path=v1,v2,…</c>; any element may be a range <c>from:to:step</c>.</summary>
    /// <exception cref="SweepException">No '=', an empty path or value, a bad range, or a value given twice.</exception>
    public static SweepParameter Parse(string text, int limit)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0) throw new SweepException($"--vary '{text}': write path=v1,v2,… or path=from:to:step, e.g. devices.car.count=100,200.");
        var path = text[..eq].Trim();
        var values = new List<string>();
        foreach (var element in SplitTopLevel(text[(eq + 1)..]))
        {
            var value = element.Trim();
            if (value.Length == 0) throw new SweepException($"--vary {path}: an empty value in '{text[(eq + 1)..]}'.");
            if (NumericRange.IsRange(value)) values.AddRange(NumericRange.Expand(path, value, limit));
            else values.Add(value);
            if (values.Count > limit) throw new SweepException($"--vary {path}: more than {limit:N0} values.");
        }
        var twice = values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new SweepException($"--vary {path}: the value '{twice.Key}' is given twice.");
        return new SweepParameter(path, values);
    }

    /// <summary>
    /// Splits at the commas outside YAML flow collections, so a value may itself be a mapping or a
    /// list, as with --set: <c>deadline={uniform: [3, 6]},{uniform: [8, 16]}</c> is two values.
    /// </summary>
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '[' or '{': depth++; break;
                case ']' or '}': depth = Math.Max(0, depth - 1); break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }
        yield return text[start..];
    }
}
