using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Markets;

/// <summary>The outcome of one market for one tick.</summary>
/// <param name="Results">One per order received, in order-id order.</param>
/// <param name="BestBid">Highest unfilled bid when the tick closed, 0 if none.</param>
/// <param name="BestAsk">Lowest unfilled ask when the tick closed, 0 if none.</param>
/// <param name="Tape">
/// The tick's shouts in processing order, at most the last <see cref="TapeRecorder.Capacity"/> of
/// them (see <see cref="TapeRecorder"/>).
/// </param>
public sealed record MarketClearing(Resource Resource, Trade[] Trades, OrderResult[] Results, long BestBid, long BestAsk, Shout[] Tape);
