namespace M2MSim.Simulator.Validation.Experiments;

/// <summary>A uniform-price call market with truthful bids clears at the competitive equilibrium.</summary>
public sealed class CallMarketExperiment : IExperiment
{
    public string Name => "call-market-equilibrium";

    public string Source => "Competitive equilibrium of a uniform-price call market under truthful bidding (textbook; e.g. Smith 1962 schedules)";

    public string Notes =>
        "Truthful traders quote their whole schedule at once (quote: all). The market and the equilibrium both price at the " +
        "midpoint of the range of prices that clear Q0 units; the market rounds it down to a micro-unit and the equilibrium " +
        "half to even, so the prices may differ by one micro-unit and no more.";

    public IReadOnlyList<ExperimentRun> Runs { get; } = [new("truthful", "call-market.yaml", 3)];

    public IReadOnlyList<ValidationCheck> Evaluate(IReadOnlyDictionary<string, IReadOnlyList<string>> folders)
    {
        var runs = Replicates.Of(folders["truthful"]).Runs.SelectMany(r => r).ToArray();
        var quantity = runs.Min(p => p.Q0 is > 0 ? p.Units / (double)p.Q0.Value : 0);
        var efficiency = runs.Min(p => p.Efficiency ?? 0);
        var priceError = runs.Max(p => p.P0 is > 0 && p.Units > 0 ? Math.Abs(p.MeanPrice - p.P0.Value) : decimal.MaxValue);
        return
        [
            new(Name, "traded quantity / Q0 (worst period)", "1", quantity, "= 1", quantity == 1),
            new(Name, "allocative efficiency (worst period)", "1", efficiency, "= 1", efficiency == 1),
            new(Name, "price error abs(P − P0) in money units (worst period)", "0", (double)priceError, "≤ 0.000001 (one micro-unit)", priceError <= 0.000001m),
        ];
    }
}
