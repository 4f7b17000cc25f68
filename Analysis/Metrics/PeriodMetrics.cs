namespace M2MSim.Analysis.Metrics;

/// <summary>
/// One market in one trading period, measured against its competitive equilibrium when the
/// scenario has one (see docs/validation.md for the definitions).
/// </summary>
/// <param name="RealisedSurplus">Σ quantity × (buyer value − seller cost) over the period's trades.</param>
/// <param name="Efficiency">Realised / maximum surplus; null without an equilibrium.</param>
/// <param name="SmithsAlpha">100 · √(mean over traded units of (p − P0)²) / P0; null without an equilibrium or trades.</param>
/// <param name="LossTrades">Trades where the buyer paid more than its value or the seller got less than its cost plus fee.</param>
public sealed record PeriodMetrics(
    string Resource,
    int Period,
    long Trades,
    long Units,
    decimal MeanPrice,
    decimal RealisedSurplus,
    decimal? MaxSurplus,
    decimal? P0,
    long? Q0,
    double? Efficiency,
    double? SmithsAlpha,
    long LossTrades);
