namespace M2MSim.Silo.Dashboard;

/// <summary>One market's figures for one tick, in money units (ticks.csv's columns, as doubles for charts).</summary>
public sealed record MarketPoint(string Resource, int Trades, long Volume, double Price, double BestBid, double BestAsk, double Fees);
