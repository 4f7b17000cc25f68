using System.Diagnostics;
using System.Text.Json.Nodes;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Equilibrium;
using M2MSim.Economy.Simulation;
using M2MSim.Silo.Dashboard;
using M2MSim.Simulator.Engines;
using M2MSim.Simulator.Results;

namespace M2MSim.Simulator.Runs;

/// <summary>
/// Runs one scenario on one engine and writes its folder: ticks as they come, then the final
/// settlement, the devices and the manifest, then the rename that marks the run complete.
/// </summary>
public static class RunDriver
{
    public const string Reference = "reference";
    public const string Orleans = "orleans";

    public static ISimulationEngine CreateEngine(RunRequest request) => request.Engine switch
    {
        Reference => new ReferenceEngine(request.Scenario),
        Orleans => new OrleansEngine(request.Scenario, request.Orleans, request.Grains),
        _ => throw new ArgumentException($"Unknown engine '{request.Engine}': use orleans or reference."),
    };

    /// <exception cref="RunFolderException">The output folder exists or cannot be made.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled; its folder was removed.</exception>
    public static async Task<RunOutcome> RunAsync(RunRequest request, IProgress<TickProgress>? progress, CancellationToken cancellationToken)
    {
        var scenario = request.Scenario;
        var started = DateTimeOffset.UtcNow;
        var folder = request.OutPath is { } path ? RunFolder.Create(path) : RunFolder.CreateDefault(scenario.Name, started);
        var clock = Stopwatch.StartNew();
        var ticksRun = 0;
        var silos = 0;
        long trades = 0, volume = 0, supply = 0;
        string? error = null;
        var stopped = false;
        var engine = CreateEngine(request);
        var live = new LiveFeed(request.Live, engine);
        try
        {
            await using var writer = new ResultWriter(folder.WorkingPath, scenario.Output.Trades);
            supply = await engine.StartAsync(cancellationToken);
            silos = engine.Silos;
            live.Begin(request, silos);
            for (var tick = 0; tick < scenario.Ticks; tick++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Stopped from the dashboard: settle and write complete files for the ticks run.
                if (!await live.ProceedAsync(cancellationToken))
                {
                    stopped = true;
                    break;
                }
                var report = await engine.RunTickAsync(tick, cancellationToken);
                writer.Write(report);
                ticksRun = tick + 1;
                foreach (var row in report.Rows)
                {
                    trades += row.Trades;
                    volume += row.Volume;
                }
                await live.TickAsync(report);
                progress?.Report(new TickProgress(ticksRun, scenario.Ticks, trades));
            }
            await engine.SettleAsync(ticksRun, cancellationToken);
            await writer.WriteDevicesAsync(engine.DevicesAsync(cancellationToken), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await DisposeQuietly(engine);
            folder.Discard();
            throw;
        }
        catch (Exception e)
        {
            // A failed run keeps its files for diagnosis, under a name that says so.
            error = e is MoneyNotConservedException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        }
        // Shutting the engine down is not part of the run: a complete run stays complete.
        await DisposeQuietly(engine);

        var manifest = new Manifest(
            request.ScenarioPath, JsonNode.Parse(ScenarioJson.Serialize(scenario))!, scenario.Seed, request.Engine,
            silos, Shards: request.Engine == Orleans ? request.Orleans.Shards : 0, Manifest.CurrentVersions(),
            started, DateTimeOffset.UtcNow, Math.Round(clock.Elapsed.TotalSeconds, 3), ticksRun, scenario.DeviceCount, supply,
            error is not null ? "failed" : stopped ? "stopped" : "completed", error,
            Directory.GetFiles(folder.WorkingPath).Select(Path.GetFileName).Append("manifest.json").Order(StringComparer.Ordinal).ToArray()!,
            new ManifestPeriods(scenario.PeriodLength, scenario.PeriodCount),
            CompetitiveEquilibrium.Of(scenario).Select(ManifestEquilibrium.From).ToArray());
        manifest.Write(folder.WorkingPath);
        live.End(error is not null ? RunState.Failed : stopped ? RunState.Stopped : RunState.Completed, error);

        if (error is not null) return new RunOutcome(false, folder.Fail(), error, ticksRun, trades, volume, clock.Elapsed);
        folder.Complete();
        return new RunOutcome(true, folder.FinalPath, null, ticksRun, trades, volume, clock.Elapsed, stopped);
    }

    private static async Task DisposeQuietly(ISimulationEngine engine)
    {
        try
        {
            await engine.DisposeAsync();
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"warning: shutting the {engine.Name} engine down failed: {e.Message}");
        }
    }
}
