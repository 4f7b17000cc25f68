namespace M2MSim.Simulator.Sweeps;

/// <summary>The cartesian product of the --vary values, in nested-loop order: the last --vary changes fastest.</summary>
public static class SweepGrid
{
    /// <summary>Grid points at most; a typo such as 1:100000:1 should be an error, not a week of runs.</summary>
    public const int MaxPoints = 10_000;

    /// <returns>One value per parameter for each point, in point order.</returns>
    /// <exception cref="SweepException">A path varied twice, or more than <see cref="MaxPoints"/> points.</exception>
    public static IReadOnlyList<IReadOnlyList<string>> Expand(IReadOnlyList<SweepParameter> parameters)
    {
        var twice = parameters.GroupBy(p => p.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new SweepException($"--vary {twice.Key} is given twice; list all its values in one --vary.");
        var size = parameters.Aggregate(1L, (n, p) => Math.Min(n * p.Values.Count, MaxPoints + 1L));
        if (size > MaxPoints)
            throw new SweepException($"The grid has more than {MaxPoints:N0} points ({string.Join(" × ", parameters.Select(p => p.Values.Count))}); sweep fewer values.");

        IReadOnlyList<IReadOnlyList<string>> points = [[]];
        foreach (var parameter in parameters)
            points = [.. points.SelectMany(point => parameter.Values.Select(v => (IReadOnlyList<string>)[.. point, v]))];
        return points;
    }
}
