using System.Globalization;
using M2MSim.Analysis.Results;

namespace M2MSim.Simulator.Validation.Experiments;

/// <summary>
/// In a second-price (Vickrey) sealed-bid tender, bidding one's true cost is a (weakly) dominant
/// strategy: against the same rivals and jobs, a provider that bids below or above its cost never
/// earns more than when it bids its cost, and sometimes less. In a first-price tender a truthful
/// bid earns nothing, so there shading the bid up pays.
/// </summary>
public sealed class VickreyTenderExperiment : IExperiment
{
    /// <summary>How far the deviating probes shade: they ask cost × (1 ± Margin).</summary>
    public const double Margin = 0.2;

    private const int Replications = 40;

    // Written into metric names and notes, so in the invariant culture whatever the machine's.
    private static readonly string M = Margin.ToString(CultureInfo.InvariantCulture);
    private static readonly string Below = (1 - Margin).ToString(CultureInfo.InvariantCulture);
    private static readonly string Above = (1 + Margin).ToString(CultureInfo.InvariantCulture);

    /// <summary>The population whose surplus is measured (device 0 of tender.yaml).</summary>
    private const string Probe = "probe";

    public string Name => "vickrey-tender";

    public string Source => "Vickrey (1961), J. Finance 16, counterspeculation and sealed tenders; contract-net (Smith 1980)";

    public string Notes =>
        $"Each arm runs tender.yaml with {Replications} seeds; a seed fixes every cost and value, so the arms of one seed differ only in " +
        $"the probe's bid (fixed-margin: cost × (1 + m), m = −{M} under-bids, +{M} over-bids) or in the award rule. Each " +
        "provider can run every job of a tick, so each job is a single-item auction and dominance holds job by job. Where providers " +
        "are short of capacity (a rival used up by one job no longer sets the price of the next) or jobs keep a provider busy for " +
        "several ticks, awarding jobs one after another is not strategy-proof (see docs/model.md, the tender). Surplus is the probe's " +
        "realised surplus in devices.csv (price − cost per unit sold, no fee).";

    public IReadOnlyList<ExperimentRun> Runs { get; } =
    [
        new("vickrey-truthful", "tender.yaml", Replications),
        new("vickrey-under", "tender.yaml", Replications, [ProbeMargin(-Margin)]),
        new("vickrey-over", "tender.yaml", Replications, [ProbeMargin(Margin)]),
        new("first-truthful", "tender.yaml", Replications, ["markets[0].award=first"]),
        new("first-over", "tender.yaml", Replications, ["markets[0].award=first", ProbeMargin(Margin)]),
    ];

    private static string ProbeMargin(double margin) =>
        string.Create(CultureInfo.InvariantCulture, $"devices.{Probe}.strategy={{kind: fixed-margin, margin: {margin}}}");

    public IReadOnlyList<ValidationCheck> Evaluate(IReadOnlyDictionary<string, IReadOnlyList<string>> folders)
    {
        var truthful = Surplus(folders["vickrey-truthful"]);
        var under = Surplus(folders["vickrey-under"]);
        var over = Surplus(folders["vickrey-over"]);
        var firstTruthful = Surplus(folders["first-truthful"]);
        var firstOver = Surplus(folders["first-over"]);

        // Paired by seed: the deviation must not beat the truthful bid in any replication.
        var underWins = truthful.Zip(under).Count(p => p.Second > p.First);
        var overWins = truthful.Zip(over).Count(p => p.Second > p.First);
        // And the comparison must have teeth: deviating costs the probe something on average.
        var underLoss = (double)truthful.Zip(under).Average(p => p.First - p.Second);
        var overLoss = (double)truthful.Zip(over).Average(p => p.First - p.Second);
        var firstTruthfulMax = (double)firstTruthful.Max();
        var firstOverMean = (double)firstOver.Average();
        return
        [
            new(Name, $"Vickrey: replications where bidding cost × {Below} beat bidding cost", "0 (truthful is dominant)", underWins, "= 0", underWins == 0),
            new(Name, $"Vickrey: replications where bidding cost × {Above} beat bidding cost", "0 (truthful is dominant)", overWins, "= 0", overWins == 0),
            new(Name, $"Vickrey: mean surplus lost by bidding cost × {Below} (money units)", "≥ 0, > 0 when it wins a job at a loss", underLoss, "> 0", underLoss > 0),
            new(Name, $"Vickrey: mean surplus lost by bidding cost × {Above} (money units)", "≥ 0, > 0 when it loses a profitable job", overLoss, "> 0", overLoss > 0),
            new(Name, "First price: largest surplus of a truthful probe (money units)", "0 (paid its own cost)", firstTruthfulMax, "= 0", firstTruthfulMax == 0),
            new(Name, $"First price: mean surplus of a probe bidding cost × {Above} (money units)", "> 0 (shading pays)", firstOverMean, "> 0", firstOverMean > 0),
        ];
    }

    /// <summary>The probe's surplus in each replication, in replication order.</summary>
    private static decimal[] Surplus(IReadOnlyList<string> folders) =>
        folders.Select(f => RunFolderReader.ReadDevices(f).Where(d => d.Type == Probe).Sum(d => d.Surplus)).ToArray();
}
