using System.Globalization;

namespace M2MSim.Analysis.Sweeps;

/// <summary>One varied scenario key of a sweep and its settings, as strings in the order sweep.json gives them.</summary>
public sealed record SweepParameter(string Path, IReadOnlyList<string> Values)
{
    /// <summary>Numbers go on a numeric axis; anything else (a strategy name, a mechanism) is a category.</summary>
    public bool IsNumeric => Values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
}
