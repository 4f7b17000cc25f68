namespace M2MSim.Analysis.Results;

/// <summary>One row of ticks.csv (see docs/output.md). Money is in money units.</summary>
public sealed record TickRecord(
    int Tick,
    string Resource,
    int Trades,
    long Volume,
    decimal MeanPrice,
    decimal BestBid,
    decimal BestAsk,
    decimal Fees,
    decimal MoneySupply,
    decimal FeesTotal,
    double Gini,
    int ActiveDevices);
