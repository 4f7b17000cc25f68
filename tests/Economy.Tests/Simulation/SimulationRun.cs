using M2MSim.Economy.Devices;
using M2MSim.Economy.Metrics;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Simulation;

namespace M2MSim.Economy.Tests.Simulation;

/// <summary>Everything one complete reference run produces, with the device states after every tick.</summary>
internal sealed record SimulationRun(long InitialSupply, TickReport[] Reports, DeviceSnapshot[][] DevicesAfterTick, DeviceSnapshot[] FinalDevices)
{
    public static async Task<SimulationRun> ExecuteAsync(Scenario scenario, int parallelism = 0)
    {
        await using var engine = new ReferenceEngine(scenario, parallelism);
        var ct = CancellationToken.None;
        var initial = await engine.StartAsync(ct);
        var reports = new TickReport[scenario.Ticks];
        var after = new DeviceSnapshot[scenario.Ticks][];
        for (var tick = 0; tick < scenario.Ticks; tick++)
        {
            reports[tick] = await engine.RunTickAsync(tick, ct);
            after[tick] = await engine.DevicesAsync(ct).ToArrayAsync(ct);
        }
        await engine.SettleAsync(scenario.Ticks, ct);
        var final = await engine.DevicesAsync(ct).ToArrayAsync(ct);
        return new SimulationRun(initial, reports, after, final);
    }

    /// <summary>The reference engine completes synchronously, so a property can wait on it.</summary>
    public static SimulationRun Execute(Scenario scenario, int parallelism = 0) => ExecuteAsync(scenario, parallelism).GetAwaiter().GetResult();
}
