namespace M2MSim.Analysis.Results;

/// <summary>
/// One row of ticks.csv (see docs/output.md). Money is in money units. The ledger's columns are 0
/// for a run without a ledger or pool, and for a run folder written before they existed.
/// </summary>
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
    int ActiveDevices,
    long LedgerTx = 0,
    long UnconfirmedTx = 0,
    decimal LedgerFeesTotal = 0,
    decimal RewardPool = 0,
    decimal RewardsTotal = 0)
{
    /// <summary>Whether the row shows any activity of a settlement ledger or reward pool.</summary>
    public bool HasLedger => LedgerTx != 0 || UnconfirmedTx != 0 || RewardPool != 0 || RewardsTotal != 0;
}
