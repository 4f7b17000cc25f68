using M2MSim.Simulator.Validation.Experiments;

namespace M2MSim.Simulator.Validation;

/// <summary>The validation suite's experiments, in report order.</summary>
public static class KnownExperiments
{
    public static readonly IReadOnlyList<IExperiment> All =
    [
        new GodeSunderExperiment(),
        new ZipConvergenceExperiment(),
        new CallMarketExperiment(),
        new BoltzmannGibbsExperiment(),
        new NegotiationTacticsExperiment(),
        new VickreyTenderExperiment(),
    ];
}
