namespace M2MSim.Simulator.Validation;

/// <summary>A published result to reproduce: which runs to make, and how to judge their folders.</summary>
public interface IExperiment
{
    string Name { get; }

    /// <summary>The source, for the report.</summary>
    string Source { get; }

    IReadOnlyList<ExperimentRun> Runs { get; }

    /// <summary>What differs from the published setting, and why; printed under the experiment's table.</summary>
    string Notes { get; }

    /// <summary>Judges the finished runs: run folders by arm label, one per replication.</summary>
    IReadOnlyList<ValidationCheck> Evaluate(IReadOnlyDictionary<string, IReadOnlyList<string>> folders);
}
