namespace M2MSim.Simulator.Validation.Experiments;

/// <summary>
/// Zero-intelligence traders in a continuous double auction: the market institution alone makes
/// budget-constrained random traders (ZI-C) nearly efficient; unconstrained ones (ZI-U) are not.
/// </summary>
public sealed class GodeSunderExperiment : IExperiment
{
    public string Name => "gode-sunder-zi";

    public string Source => "Gode & Sunder (1993), Journal of Political Economy 101(1), markets with ZI-C and ZI-U traders";

    public IReadOnlyList<ExperimentRun> Runs { get; } =
    [
        new("zi-c", "gode-sunder.yaml", 20),
        new("zi-u", "gode-sunder.yaml", 20, ["devices.buyer.strategy=zi-u", "devices.seller.strategy=zi-u"]),
    ];

    public IReadOnlyList<ValidationCheck> Evaluate(IReadOnlyDictionary<string, IReadOnlyList<string>> folders)
    {
        var ziC = Replicates.Of(folders["zi-c"]);
        var ziU = Replicates.Of(folders["zi-u"]);
        var effC = ziC.MeanEfficiency();
        var effU = ziU.MeanEfficiency();
        return
        [
            new(Name, "ZI-C allocative efficiency", "0.987 (mean of the paper's five markets)", effC, "≥ 0.97", effC >= 0.97),
            new(Name, "ZI-U allocative efficiency", "0.49–0.90 by market", effU, "≤ ZI-C − 0.05", effU <= effC - 0.05),
            new(Name, "ZI-C trades at a loss", "0 (never)", ziC.LossTrades(), "= 0", ziC.LossTrades() == 0),
            new(Name, "ZI-U trades at a loss", "some (ZI-U can lose)", ziU.LossTrades(), "> 0", ziU.LossTrades() > 0),
        ];
    }
}
