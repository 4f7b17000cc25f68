using M2MSim.Economy.Markets;

namespace M2MSim.Economy.Checkpoints;

/// <summary>
/// What a market mechanism carries from one tick to the next: a posted price's price, a tender's
/// running jobs. Most mechanisms carry nothing (every field null).
/// </summary>
/// <param name="Price">A posted-price market's current price.</param>
/// <param name="Running">A tender's awarded jobs not completed yet, in completion order.</param>
public sealed record MarketState(long? Price = null, RunningJobsState[]? Running = null)
{
    public static readonly MarketState None = new();
}
