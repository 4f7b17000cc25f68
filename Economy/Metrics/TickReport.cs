using M2MSim.Economy.Markets;

namespace M2MSim.Economy.Metrics;

/// <summary>Everything a tick produces for the result files: its ticks.csv rows and its trades.</summary>
public sealed record TickReport(int Tick, TickRow[] Rows, Trade[] Trades);
