using System.Diagnostics;
using Orleans.Runtime;
using System.Text.Json.Nodes;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Equilibrium;
using M2MSim.Economy.Simulation;
using M2MSim.Grains.Coordination;
using M2MSim.Silo.Dashboard;
using M2MSim.Simulator.Checkpoints;
using M2MSim.Simulator.Cluster;
using M2MSim.Simulator.Engines;
using M2MSim.Simulator.Results;

namespace M2MSim.Simulator.Runs;

/// <summary>
/// Runs one scenario on one engine and writes its folder: ticks as they come (with a checkpoint
/// every K ticks when asked), then the final settlement, the devices and the manifest, then the
/// rename that marks the run complete. On a cluster, a run that loses a silo rolls back to its
/// last checkpoint (or to the start) on the silos left and goes on; its files end up identical.
/// </summary>
public static class RunDriver
{
    public const string Reference = "reference";
    public const string Orleans = "orleans";

    /// <summary>A run that keeps losing silos is failing, not recovering.</summary>
    public const int MaxRecoveries = 5;

    public static ISimulationEngine CreateEngine(RunRequest request) => request.Engine switch
    {
        Reference => new ReferenceEngine(request.Scenario, request.ReferenceThreads),
        Orleans => new OrleansEngine(request.Scenario, request.Orleans, request.Grains),
        _ => throw new ArgumentException($"Unknown engine '{request.Engine}': use orleans or reference."),
    };

    /// <exception cref="RunFolderException">The output folder exists or cannot be made.</exception>
    /// <exception cref="OperationCanceledException">
    /// The run was cancelled: its folder was removed, or, if it has a checkpoint, kept as
    /// &lt;name&gt;.interrupted to be resumed (said on stderr).
    /// </exception>
    public static async Task<RunOutcome> RunAsync(RunRequest request, IProgress<TickProgress>? progress, CancellationToken cancellationToken)
    {
        var scenario = request.Scenario;
        var resumed = request.Resume?.Checkpoint.Run;
        var run = new RunState(
            resumed?.StartedUtc ?? DateTimeOffset.UtcNow,
            [.. resumed?.Recoveries ?? []],
            [.. resumed?.Resumes ?? [], .. request.Resume is { } r ? [new ResumeRecord(r.Checkpoint.Ticks, DateTimeOffset.UtcNow)] : Array.Empty<ResumeRecord>()]);
        var folder = request.Resume is { } from ? RunFolder.Reopen(from.Folder)
            : request.OutPath is { } path ? RunFolder.Create(path) : RunFolder.CreateDefault(scenario.Name, run.StartedUtc);
        if (request.Resume is not null)
        {
            // Read again where the folder is now (this process's working name), and note the resume beside it at once.
            run.Saved = CheckpointStore.Latest(folder.WorkingPath);
            CheckpointStore.SaveHistory(folder.WorkingPath, run.History);
        }
        var clock = Stopwatch.StartNew();
        string? error = null;
        Stopwatch? recovering = null;
        var recoveries = 0; // in this process: a run that keeps losing silos is failing
        LiveFeed live = null!;
        ISimulationEngine? engine = null;
        try
        {
            while (true)
            {
                engine = CreateEngine(request);
                live = new LiveFeed(request.Live, engine);
                try
                {
                    await RunAttemptAsync(request, engine, folder, run, live, recovering, progress, cancellationToken);
                    await DisposeQuietly(engine);
                    break;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception e) when (e is not MoneyNotConservedException && request.Watch is { } watch && recoveries < MaxRecoveries && MayBeSiloLoss(e, watch))
                {
                    // The old grains may be waiting on the dead silo: they are left to fail on their own,
                    // and stopping them is tried in the background; its failure is expected, so it is not reported.
                    _ = engine.DisposeAsync().AsTask().ContinueWith(t => t.Exception, TaskScheduler.Default);
                    var detected = DateTimeOffset.UtcNow;
                    recovering = Stopwatch.StartNew();
                    await Console.Error.WriteLineAsync($"warning: the run failed at tick {run.Point.Ticks}; checking whether a silo was lost ({Describe(e)})");
                    if (await watch.ConfirmLossAsync(cancellationToken) is not { } loss)
                    {
                        error = Describe(e);
                        break;
                    }
                    // A checkpoint save the loss interrupted must be over before the newest checkpoint is read.
                    await run.SettleAbandonedAsync(cancellationToken);
                    recoveries++;
                    run.Saved = CheckpointStore.Latest(folder.WorkingPath);
                    run.Recoveries.Add(new RecoveryRecord(run.Point.Ticks, run.Saved?.Ticks ?? 0, loss.Before, loss.After, detected, 0,
                        e is SiloLostException ? loss.Cause : $"{loss.Cause}; the run saw {Describe(e)}"));
                    CheckpointStore.SaveHistory(folder.WorkingPath, run.History);
                    await Console.Error.WriteLineAsync($"warning: a silo was lost at tick {run.Point.Ticks} ({loss.Cause}); " +
                        $"going on from {(run.Saved is null ? "the start" : $"the checkpoint at tick {run.Saved.Ticks}")} on {loss.After} silos.");
                }
                catch (Exception e)
                {
                    // A failed run keeps its files for diagnosis, under a name that says so.
                    await DisposeQuietly(engine);
                    error = Describe(e);
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (engine is not null) await DisposeQuietly(engine);
            await run.SettleAbandonedAsync(CancellationToken.None);
            // Work that can be resumed is never thrown away: a run with a checkpoint keeps its folder.
            if (HasCheckpoint(folder.WorkingPath))
            {
                var kept = folder.Interrupt();
                await Console.Error.WriteLineAsync($"Interrupted: the run keeps its folder {kept} and its checkpoint; go on with: run --resume {kept}");
            }
            else folder.Discard();
            throw;
        }

        // A completed run needs no checkpoint (removed once it is complete); a stopped or failed one keeps it, to be resumed.
        var manifest = new Manifest(
            request.ScenarioPath, JsonNode.Parse(ScenarioJson.Serialize(scenario))!, scenario.Seed, request.Engine,
            run.Silos, Shards: request.Engine == Orleans ? request.Orleans.Shards : 0, Manifest.CurrentVersions(),
            run.StartedUtc, DateTimeOffset.UtcNow, Math.Round(clock.Elapsed.TotalSeconds, 3), run.Point.Ticks, scenario.DeviceCount, run.Supply,
            error is not null ? "failed" : run.Stopped ? "stopped" : "completed", error,
            Directory.GetFiles(folder.WorkingPath).Select(Path.GetFileName).Append("manifest.json").Distinct().Order(StringComparer.Ordinal).ToArray()!,
            new ManifestPeriods(scenario.PeriodLength, scenario.PeriodCount),
            CompetitiveEquilibrium.Of(scenario).Select(ManifestEquilibrium.From).ToArray(),
            request.CheckpointEvery, run.Checkpoints with { Seconds = Math.Round(run.Checkpoints.Seconds, 3) }, run.Recoveries, run.Resumes);
        manifest.Write(folder.WorkingPath);
        live.End(error is not null ? Silo.Dashboard.RunState.Failed : run.Stopped ? Silo.Dashboard.RunState.Stopped : Silo.Dashboard.RunState.Completed, error);

        if (error is not null) return new RunOutcome(false, folder.Fail(), error, run.Point.Ticks, run.Point.Trades, run.Point.Volume, clock.Elapsed);
        folder.Complete();
        if (!run.Stopped) CheckpointStore.Remove(folder.FinalPath);
        return new RunOutcome(true, folder.FinalPath, null, run.Point.Ticks, run.Point.Trades, run.Point.Volume, clock.Elapsed, run.Stopped, run.Recoveries.Count);
    }

    private static bool HasCheckpoint(string folder)
    {
        try
        {
            return CheckpointStore.Latest(folder) is not null;
        }
        catch (CheckpointException)
        {
            return true; // damaged, but still not ours to delete
        }
    }

    /// <summary>
    /// Whether a failure may be a lost silo, worth waiting for membership to say so: the watch saw
    /// one, or the failure is Orleans failing to reach a grain or a grain that lost its state.
    /// Anything else (a full disk, a bug) fails the run at once.
    /// </summary>
    private static bool MayBeSiloLoss(Exception e, SiloWatch watch)
    {
        if (watch.Lost.IsCompleted || e is SiloLostException) return true;
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or GrainStateLostException
                || x.GetType().Name is "ConnectionFailedException" or "ConnectionAbortedException") // Orleans' own, not public
                return true;
        }
        return false;
    }

    /// <summary>One go at the run: from the start, or from <see cref="RunState.Saved"/>, to the devices file.</summary>
    private static async Task RunAttemptAsync(RunRequest request, ISimulationEngine engine, RunFolder folder, RunState run, LiveFeed live,
        Stopwatch? recovering, IProgress<TickProgress>? progress, CancellationToken cancellationToken)
    {
        var scenario = request.Scenario;
        var saved = run.Saved;
        run.Stopped = false;
        await using var writer = saved is null
            ? new ResultWriter(folder.WorkingPath, scenario.Output.Trades)
            : new ResultWriter(folder.WorkingPath, scenario.Output.Trades, saved.Run.Point.TicksCsvBytes, saved.Run.Point.TradesCsvBytes);
        run.Point = saved?.Run.Point ?? RunPoint.Start;
        run.Supply = saved is null
            ? await engine.StartAsync(cancellationToken)
            : await engine.RestoreAsync(saved.Economy, saved.DevicesAsync(cancellationToken), cancellationToken);
        if (recovering is not null) run.Recoveries[^1] = run.Recoveries[^1] with { Seconds = Math.Round(recovering.Elapsed.TotalSeconds, 3) };
        if (run.Silos == 0) run.Silos = engine.Silos;
        live.Begin(request, engine.Silos);
        progress?.Report(new TickProgress(run.Point.Ticks, scenario.Ticks, run.Point.Trades));

        for (var tick = run.Point.Ticks; tick < scenario.Ticks; tick++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (request.Watch?.Lost is { IsCompleted: true } lost) throw new SiloLostException(await lost);
            // Stopped from the dashboard: settle and write complete files for the ticks run.
            if (!await live.ProceedAsync(cancellationToken))
            {
                run.Stopped = true;
                break;
            }
            var report = await Guard(engine.RunTickAsync(tick, cancellationToken), request.Watch, run);
            writer.Write(report);
            long trades = 0, volume = 0;
            foreach (var row in report.Rows)
            {
                trades += row.Trades;
                volume += row.Volume;
            }
            run.Point = run.Point with { Ticks = tick + 1, Trades = run.Point.Trades + trades, Volume = run.Point.Volume + volume };
            await live.TickAsync(report);
            progress?.Report(new TickProgress(run.Point.Ticks, scenario.Ticks, run.Point.Trades));
            if (request.CheckpointEvery > 0 && run.Point.Ticks % request.CheckpointEvery == 0 && run.Point.Ticks < scenario.Ticks)
                await SaveAsync(request, engine, folder, writer, run, cancellationToken);
        }
        // A stopped run can be resumed: its checkpoint is taken before the settlement changes the devices.
        if (run.Stopped && run.Saved?.Ticks != run.Point.Ticks) await SaveAsync(request, engine, folder, writer, run, cancellationToken);
        await Guard(Settled(engine.SettleAsync(run.Point.Ticks, cancellationToken)), request.Watch, run);
        await writer.WriteDevicesAsync(engine.DevicesAsync(cancellationToken), cancellationToken);
    }

    private static async Task SaveAsync(RunRequest request, ISimulationEngine engine, RunFolder folder, ResultWriter writer, RunState run, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (ticksBytes, tradesBytes, ticksTail, tradesTail) = writer.Flush();
        run.Point = run.Point with { TicksCsvBytes = ticksBytes, TradesCsvBytes = tradesBytes, TicksTail = ticksTail, TradesTail = tradesTail };
        var record = new CheckpointRun(request.ScenarioPath, ScenarioJson.Serialize(request.Scenario), run.StartedUtc, run.Point, run.Recoveries.ToArray(), run.Resumes, request.CheckpointEvery);
        run.Saved = await Guard(CheckpointStore.SaveAsync(folder.WorkingPath, engine, record, cancellationToken), request.Watch, run);
        var bytes = new DirectoryInfo(run.Saved.Folder).EnumerateFiles().Sum(f => f.Length);
        run.Checkpoints = new ManifestCheckpoints(run.Checkpoints.Saved + 1, run.Checkpoints.Seconds + clock.Elapsed.TotalSeconds, bytes);
    }

    /// <summary>A call of the run that ends early, with <see cref="SiloLostException"/>, when the watch learns a silo is gone.</summary>
    private static async Task<T> Guard<T>(Task<T> call, SiloWatch? watch, RunState run)
    {
        if (watch is null) return await call;
        var lost = watch.Lost;
        if (await Task.WhenAny(call, lost) == call) return await call;
        // Abandoned: it fails once Orleans declares the silo dead; recovery waits for it before reading checkpoints.
        run.Abandoned.Add(call);
        throw new SiloLostException(await lost);
    }

    private static async Task<bool> Settled(Task settle)
    {
        await settle;
        return true;
    }

    private static string Describe(Exception e) => e is MoneyNotConservedException or SiloLostException ? e.Message : $"{e.GetType().Name}: {e.Message}";

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

    /// <summary>What the driver carries from one attempt to the next.</summary>
    private sealed class RunState(DateTimeOffset startedUtc, List<RecoveryRecord> recoveries, ResumeRecord[] resumes)
    {
        public DateTimeOffset StartedUtc { get; } = startedUtc;
        public List<RecoveryRecord> Recoveries { get; } = recoveries;
        public ResumeRecord[] Resumes { get; } = resumes;
        public SavedCheckpoint? Saved { get; set; }
        public RunPoint Point { get; set; } = RunPoint.Start;
        public long Supply { get; set; }
        public int Silos { get; set; }
        public bool Stopped { get; set; }
        public ManifestCheckpoints Checkpoints { get; set; } = new(0, 0, 0);
        public List<Task> Abandoned { get; } = [];
        public RunHistory History => new(Recoveries.ToArray(), Resumes);

        /// <summary>Waits (a minute at most) for the calls a lost silo made the run abandon; their failures are expected.</summary>
        public async Task SettleAbandonedAsync(CancellationToken cancellationToken)
        {
            if (Abandoned.Count == 0) return;
            try
            {
                await Task.WhenAll(Abandoned).WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Failed, as calls to a dead silo do, or still hanging: either way no longer waited for.
            }
            Abandoned.Clear();
        }
    }
}
