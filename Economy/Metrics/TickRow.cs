using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Metrics;

/// <summary>One row of ticks.csv: a market's tick, with the economy-wide figures of that tick.</summary>
/// <param name="Volume">Units traded.</param>
/// <param name="MeanPrice">Volume-weighted mean price (micro-units), 0 when nothing traded.</param>
/// <param name="BestBid">Highest unfilled bid at the close of the tick, 0 if none.</param>
/// <param name="BestAsk">Lowest unfilled ask at the close of the tick, 0 if none.</param>
/// <param name="Fees">Fees charged on this market in this tick.</param>
/// <param name="MoneySupply">Σ over wallets of balance + escrow at the tick barrier.</param>
/// <param name="FeesTotal">Σ of all fees paid so far (the fee sink).</param>
/// <param name="Gini">Gini of device wealth at the barrier.</param>
/// <param name="ActiveDevices">Devices stepped in this tick (all markets).</param>
/// <param name="InFlight">Money sent between devices and not yet received at the barrier.</param>
/// <param name="OfflineDevices">Devices offline (churn) or failed for good in this tick.</param>
/// <param name="LostMessages">Negotiation moves the network lost in this tick.</param>
/// <param name="Ledger">The settlement ledger's figures.</param>
public readonly record struct TickRow(
    int Tick,
    Resource Resource,
    int Trades,
    long Volume,
    long MeanPrice,
    long BestBid,
    long BestAsk,
    long Fees,
    long MoneySupply,
    long FeesTotal,
    double Gini,
    int ActiveDevices,
    long InFlight = 0,
    int OfflineDevices = 0,
    int LostMessages = 0,
    LedgerFigures Ledger = default);
