using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Markets;

/// <summary>
/// One market's tape for one tick: every shout in processing order. Devices receive the previous
/// tick's tapes in their step so that adaptive strategies (ZIP) can learn from the market.
/// </summary>
public sealed record MarketTape(Resource Resource, Shout[] Shouts);
