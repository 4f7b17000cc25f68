namespace M2MSim.Economy.Scenarios.Loading;

/// <summary>
/// One problem in a scenario. <see cref="Line"/> and <see cref="Column"/> are 1-based; they are 0
/// when there is no place in a file to point at (a command-line override, a missing file).
/// </summary>
/// <param name="File">The scenario file name, or <see cref="OverrideFile"/> for a value given with --set.</param>
/// <param name="Path">The field path, e.g. <c>devices[1].values.data</c>, or a marker such as <c>(syntax)</c>.</param>
public sealed record ScenarioError(string File, int Line, int Column, string Path, string Message)
{
    /// <summary>The <see cref="File"/> of errors about values that came from command-line overrides.</summary>
    public const string OverrideFile = "--set";

    // Same shape as compiler diagnostics so editors and terminals can jump to the place.
    public override string ToString() => File == OverrideFile
        ? $"{OverrideFile} {Path}: {Message}"
        : $"{File}:{Line}:{Column}: {Path}: {Message}";
}
