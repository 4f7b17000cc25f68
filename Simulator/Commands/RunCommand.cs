using M2MSim.Simulator.Checkpoints;
using M2MSim.Simulator.Cluster;
using M2MSim.Simulator.Engines;
using M2MSim.Simulator.Results;
using M2MSim.Simulator.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace M2MSim.Simulator.Commands;

/// <summary>Runs one scenario and writes its folder, with a progress bar over the ticks.</summary>
public sealed class RunCommand : AsyncCommand<RunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        ResumeSource? resume = null;
        Economy.Scenarios.Scenario? scenario;
        if (settings.Resume is { } folder)
        {
            (resume, scenario) = await FindCheckpointAsync(folder, cancellationToken);
            if (resume is null || scenario is null) return ExitCodes.BadInput;
            // A plain line, never wrapped: the folder stays whole to be copied (and read by tests).
            Console.WriteLine($"Resuming {folder} from its checkpoint at tick {resume.Checkpoint.Ticks}.");
        }
        else if (!ScenarioInput.TryLoad(settings, out scenario)) return ExitCodes.BadInput;
        var clusterRequest = settings.ClusterRequest();
        var options = settings.EngineOptions();
        var where = clusterRequest is null ? "embedded silo" : clusterRequest.Silos > 0 ? $"{clusterRequest.Silos} local silos" : $"cluster on {clusterRequest.Redis}";
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(scenario.Name)}[/]: {scenario.DeviceCount:N0} devices, {scenario.Ticks:N0} ticks, " +
            $"seed {scenario.Seed}, engine {settings.Engine}{(settings.Engine == RunDriver.Orleans ? $" ({options.Shards} {(options.Shards == 1 ? "shard" : "shards")}, {Markup.Escape(where)})" : "")}");

        ClusterSession? cluster = null;
        if (clusterRequest is not null)
        {
            try
            {
                cluster = await ClusterSession.OpenAsync(clusterRequest, cancellationToken);
            }
            catch (ClusterUnavailableException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.BadInput;
            }
            Console.WriteLine($"Cluster {cluster.Settings.ClusterId}/{cluster.Settings.ServiceId} on Redis {cluster.Settings.Redis}; no dashboard (it is embedded-only).");
            if (cluster.Silos.Count > 0) Console.WriteLine($"Silos: {cluster.SiloProcesses()}");
        }
        // Stopped when the command ends: after the run, which stops its coordinator through the client.
        await using var ownedCluster = cluster;
        // Stopped before the cluster: it asks the cluster's membership.
        await using var watch = cluster is null ? null : await SiloWatch.StartAsync(cluster);

        // With a dashboard the command starts the silo itself, so the address is known (and printed) before the run starts.
        var dashboard = settings.Dashboard();
        await using var silo = dashboard is null ? null : await EmbeddedSilo.StartAsync(cancellationToken, dashboard);
        if (silo?.Dashboard is { } address)
        {
            // Plain lines, never wrapped: the addresses must stay whole to be copied (and read by tests).
            Console.WriteLine($"Dashboard: {address}");
            Console.WriteLine($"Orleans dashboard: {new UriBuilder(address) { Path = "/dashboard/" }.Uri}");
        }
        var request = new RunRequest(scenario, resume?.Checkpoint.Run.ScenarioPath ?? settings.Scenario, settings.Out, settings.Engine,
            options, cluster?.Client.GrainFactory ?? silo?.GrainFactory, silo?.Live,
            settings.CheckpointEvery ?? resume?.Checkpoint.Run.CheckpointEvery ?? scenario.Output.CheckpointEvery, resume, watch);

        RunOutcome outcome;
        try
        {
            outcome = await ProgressBars.Create()
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("starting", maxValue: scenario.Ticks);
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    return await RunDriver.RunAsync(request, new InlineProgress<TickProgress>(p =>
                    {
                        task.Value = p.TicksDone;
                        var rate = p.Trades / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
                        task.Description = $"tick {p.TicksDone:N0}/{p.Ticks:N0} · {p.Trades:N0} trades · {rate:N0} trades/s";
                    }), cancellationToken);
                });
        }
        catch (Exception e) when (e is RunFolderException or CheckpointException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.BadInput;
        }

        if (!outcome.Succeeded)
        {
            AnsiConsole.MarkupLine($"[red]The run failed[/] after {outcome.TicksRun:N0} ticks: {Markup.Escape(outcome.Error ?? "")}");
            AnsiConsole.MarkupLine($"Partial results, for diagnosis: {Markup.Escape(outcome.Folder)}");
            return ExitCodes.RunFailed;
        }

        if (outcome.Recoveries > 0)
            AnsiConsole.MarkupLine($"[yellow]Recovered[/] from {outcome.Recoveries} lost silo(s); the manifest records each recovery.");
        if (outcome.Stopped)
            AnsiConsole.MarkupLine($"[yellow]Stopped[/] from the dashboard after {outcome.TicksRun:N0} ticks; the files are complete for those ticks.");
        else AnsiConsole.MarkupLine($"[green]Done[/] in {outcome.Wall.TotalSeconds:N1} s: {outcome.Trades:N0} trades, {outcome.Volume:N0} units traded. " +
            "Money conserved at every tick.");
        AnsiConsole.MarkupLine($"Results: [link]{Markup.Escape(outcome.Folder)}[/]");
        if (outcome.Stopped) Console.WriteLine($"Resume with: dotnet run --project Simulator -- run --resume {outcome.Folder}");
        return ExitCodes.Success;
    }

    /// <summary>
    /// The run folder's newest checkpoint and its scenario, read whole and checked against the
    /// folder's files before anything is changed; or nulls, after a clear error on stderr.
    /// </summary>
    private static async Task<(ResumeSource?, Economy.Scenarios.Scenario?)> FindCheckpointAsync(string folder, CancellationToken cancellationToken)
    {
        if (folder.Length == 0 || !Directory.Exists(folder))
        {
            await Console.Error.WriteLineAsync($"error: '{folder}' is not a run folder (it does not exist).");
            return (null, null);
        }
        try
        {
            if (CheckpointStore.Latest(folder) is not { } saved)
            {
                await Console.Error.WriteLineAsync($"error: {folder} has no checkpoint to resume from: it was run without checkpoints " +
                    "(output.checkpoint_every in the scenario, or --checkpoint-every K), or it completed.");
                return (null, null);
            }
            Economy.Scenarios.Scenario scenario;
            try
            {
                scenario = Economy.Scenarios.ScenarioJson.Deserialize(saved.Run.ScenarioJson);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException or NotSupportedException)
            {
                throw new CheckpointException($"{saved.Folder}/run.json: its scenario cannot be read: {e.Message}");
            }
            // Read whole before anything changes: at a million devices that takes a while, so say so.
            Console.WriteLine($"Checking the checkpoint at tick {saved.Ticks} ({scenario.DeviceCount:N0} devices) and the result files…");
            await CheckpointStore.VerifyAsync(saved, folder, scenario.DeviceCount, scenario.Output.Trades, cancellationToken);
            return (new ResumeSource(folder, saved), scenario);
        }
        catch (CheckpointException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return (null, null);
        }
    }
}
