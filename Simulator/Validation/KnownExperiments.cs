namespace M2MSim.Simulator.Validation;

/// <summary>The validation suite's experiments, in report order.</summary>
public static class KnownExperiments
{
    public static readonly IReadOnlyList<IExperiment> All = [];
}
