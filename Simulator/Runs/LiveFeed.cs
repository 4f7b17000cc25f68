using M2MSim.Economy.Metrics;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Simulation;
using M2MSim.Silo.Dashboard;
using M2MSim.Simulator.Engines;

namespace M2MSim.Simulator.Runs;

/// <summary>
/// The run driver's side of the dashboard: publishes each tick's report (which the driver has
/// anyway), reads the coordinator's economy view about once a second, and carries out pause,
/// resume and stop between ticks. Without a dashboard every call does nothing.
/// </summary>
public sealed class LiveFeed(LiveRun? live, ISimulationEngine engine)
{
    public const int Richest = 10;
    private static readonly TimeSpan EconomyEvery = TimeSpan.FromSeconds(1);
    private DateTimeOffset _lastEconomy = DateTimeOffset.MinValue;

    public void Begin(RunRequest request, int silos)
    {
        if (live is null) return;
        var scenario = request.Scenario;
        // Offline ones come with each economy view (offlineByType, in this order).
        var types = scenario.Types.Select(t => new TypeCount(t, scenario.Populations.Where(p => p.Type == t).Sum(p => p.Count), Offline: 0)).ToArray();
        live.Begin(new RunInfo(scenario.Name, scenario.Ticks, scenario.DeviceCount, scenario.Seed, request.Engine, silos,
            request.Engine == RunDriver.Orleans ? request.Orleans.Shards : 0, types,
            MarketOrder.Of(scenario).Select(m => m.Resource.Name()).ToArray()));
    }

    /// <summary>Waits while the run is paused; false when it was stopped and must not run another tick.</summary>
    public async Task<bool> ProceedAsync(CancellationToken cancellationToken)
    {
        if (live is null) return true;
        // A paused page should show the economy at the tick it stopped on, not a second before.
        if (live.Control.IsPaused) await PublishEconomyAsync();
        return await live.Control.ProceedAsync(cancellationToken);
    }

    public async Task TickAsync(TickReport report)
    {
        if (live is null) return;
        live.Publish(report);
        if (DateTimeOffset.UtcNow - _lastEconomy >= EconomyEvery) await PublishEconomyAsync();
    }

    public void End(RunState outcome, string? error) => live?.End(outcome, error);

    private async Task PublishEconomyAsync()
    {
        _lastEconomy = DateTimeOffset.UtcNow;
        // Only the grains keep the wealth of every device where it can be read between ticks.
        if (engine is OrleansEngine orleans) live!.Publish(await orleans.LiveAsync(Richest));
    }
}
