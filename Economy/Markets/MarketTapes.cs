using M2MSim.Economy.Scenarios;

namespace M2MSim.Economy.Markets;

/// <summary>
/// Turns a tick's clearings into the tapes devices learn from in the next tick. Both engines call
/// this one function, so the reference loop and the grains hand devices the same tapes.
/// </summary>
public static class MarketTapes
{
    public static readonly MarketTape[] None = [];

    /// <summary>
    /// Whether any device of the scenario learns from tapes. If none does, the engines hand out no
    /// tapes at all: a tape holds every shout of a tick, and shipping it to every shard for nobody
    /// would cost a run without learners for nothing.
    /// </summary>
    public static bool Needed(Scenario scenario) => scenario.Populations.Any(p => p.Count > 0 && p.Strategy.Learns);

    public static MarketTape[] From(IReadOnlyList<MarketClearing> clearings)
    {
        ArgumentNullException.ThrowIfNull(clearings);
        return clearings.Select(c => new MarketTape(c.Resource, c.Tape)).ToArray();
    }
}
