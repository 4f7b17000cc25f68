using M2MSim.Grains.Markets;

namespace M2MSim.Grains.Coordination;

/// <summary>
/// What the dashboard shows beyond a tick's report, read from the coordinator at most about once a
/// second: nothing here goes into a result file, so it can never change one.
/// </summary>
/// <param name="Tick">The last tick whose barrier this describes (−1 before the first).</param>
/// <param name="DecileWealth">Σ wealth (balance + escrow, micro-units) of each tenth of the devices, poorest tenth first.</param>
/// <param name="Richest">The devices with the most wealth, richest first (ties by id).</param>
/// <param name="Markets">Orders each market received in the tick and how many were left unfilled at its close.</param>
/// <param name="OfflineByType">Devices offline or failed in the tick, by type (the scenario's types, in order).</param>
[GenerateSerializer, Immutable]
public sealed record LiveEconomy(
    [property: Id(0)] int Tick,
    [property: Id(1)] long[] DecileWealth,
    [property: Id(2)] RichDevice[] Richest,
    [property: Id(3)] MarketOrderCount[] Markets,
    [property: Id(4)] int[]? OfflineByType = null);
