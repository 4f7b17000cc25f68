namespace M2MSim.Economy.Scenarios.Loading;

/// <summary>A scenario could not be loaded; <see cref="Errors"/> lists every problem found, not only the first.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(IReadOnlyList<ScenarioError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ScenarioError> Errors { get; }
}
