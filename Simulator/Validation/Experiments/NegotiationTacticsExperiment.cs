using M2MSim.Analysis.Metrics;

namespace M2MSim.Simulator.Validation.Experiments;

/// <summary>
/// Time-dependent negotiation tactics (Faratin, Sierra &amp; Jennings 1998): the tactic that concedes
/// late (Boulware) holds out longer and takes the larger share of the surplus against one that
/// concedes early (Conceder); two Boulware agents with different deadlines often fail to agree.
/// </summary>
public sealed class NegotiationTacticsExperiment : IExperiment
{
    private const int Replications = 10;
    private const string Tight = "{uniform: [3, 6]}";

    public string Name => "faratin-negotiation";

    public string Source => "Faratin, Sierra & Jennings (1998), Robotics and Autonomous Systems 24(3–4), time-dependent tactics";

    public string Notes =>
        "The paper reports these effects as patterns, without figures we could match, so the checks are its qualitative " +
        "claims. 20 buyers (value 150) and 20 sellers (cost 50), price range 1..200, 5 periods of 30 ticks, each device " +
        "with its own deadline drawn from 8..16 rounds (3..6 for the tight arms); β = 0.2 for Boulware and 5 for Conceder. " +
        "Buyers pick sellers at random, so some are turned away by a busy seller and open again; replications differ in " +
        "those pairings and in the deadlines drawn. Efficiency here is the share of the 20 units per period that found a deal.";

    public IReadOnlyList<ExperimentRun> Runs { get; } =
    [
        Arm("boulware-conceder", "boulware", "conceder"),
        Arm("conceder-boulware", "conceder", "boulware"),
        Arm("conceder-conceder", "conceder", "conceder"),
        Arm("boulware-boulware-tight", "boulware", "boulware", Tight),
        Arm("conceder-conceder-tight", "conceder", "conceder", Tight),
    ];

    private static ExperimentRun Arm(string label, string buyer, string seller, string? deadline = null) =>
        new(label, "negotiation.yaml", Replications,
        [
            $"devices.buyer.strategy.kind={buyer}",
            $"devices.seller.strategy.kind={seller}",
            .. deadline is null ? Array.Empty<string>() : [$"devices.buyer.strategy.deadline={deadline}", $"devices.seller.strategy.deadline={deadline}"],
        ]);

    public IReadOnlyList<ValidationCheck> Evaluate(IReadOnlyDictionary<string, IReadOnlyList<string>> folders)
    {
        NegotiationSummary[] Of(string arm) => folders[arm].Select(NegotiationSummary.ForRun).ToArray();
        double Mean(string arm, Func<NegotiationSummary, double> metric) => Of(arm).Select(metric).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();

        var bcBuyer = Mean("boulware-conceder", s => s.BuyerShare);
        var cbSeller = Mean("conceder-boulware", s => s.SellerShare);
        var ccBuyer = Mean("conceder-conceder", s => s.BuyerShare);
        var bcRounds = Mean("boulware-conceder", s => s.MeanRounds);
        var ccRounds = Mean("conceder-conceder", s => s.MeanRounds);
        var bbTight = Replicates.Of(folders["boulware-boulware-tight"]).MeanEfficiency();
        var ccTight = Replicates.Of(folders["conceder-conceder-tight"]).MeanEfficiency();
        return
        [
            new(Name, "Boulware buyer's share of the surplus vs a Conceder seller", "> 1/2: Boulware earns more", bcBuyer, "> 0.5 and > Conceder–Conceder's", bcBuyer > 0.5 && bcBuyer > ccBuyer),
            new(Name, "Boulware seller's share of the surplus vs a Conceder buyer", "> 1/2: Boulware earns more", cbSeller, "> 0.5", cbSeller > 0.5),
            new(Name, "Rounds to agreement, Boulware vs Conceder", "later than two Conceders", bcRounds, FormattableString.Invariant($"> Conceder–Conceder's {ccRounds:0.00}"), bcRounds > ccRounds),
            new(Name, "Share of units agreed, two Boulwares, tight deadlines", "fail more often", bbTight, FormattableString.Invariant($"< two Conceders' {ccTight:0.000}"), bbTight < ccTight),
        ];
    }
}
