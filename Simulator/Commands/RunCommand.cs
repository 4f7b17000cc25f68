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
        if (!ScenarioInput.TryLoad(settings, out var scenario)) return ExitCodes.BadInput;
        var clusterRequest = settings.ClusterRequest();
        var where = clusterRequest is null ? "embedded silo" : clusterRequest.Silos > 0 ? $"{clusterRequest.Silos} local silos" : $"cluster on {clusterRequest.Redis}";
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(scenario.Name)}[/]: {scenario.DeviceCount:N0} devices, {scenario.Ticks:N0} ticks, " +
            $"seed {scenario.Seed}, engine {settings.Engine}{(settings.Engine == RunDriver.Orleans ? $" ({settings.Shards} shards, {Markup.Escape(where)})" : "")}");

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
        }
        // Stopped when the command ends: after the run, which stops its coordinator through the client.
        await using var ownedCluster = cluster;

        // With a dashboard the command starts the silo itself, so the address is known (and printed) before the run starts.
        var dashboard = settings.Dashboard();
        await using var silo = dashboard is null ? null : await EmbeddedSilo.StartAsync(cancellationToken, dashboard);
        if (silo?.Dashboard is { } address)
        {
            // Plain lines, never wrapped: the addresses must stay whole to be copied (and read by tests).
            Console.WriteLine($"Dashboard: {address}");
            Console.WriteLine($"Orleans dashboard: {new UriBuilder(address) { Path = "/dashboard/" }.Uri}");
        }
        var request = new RunRequest(scenario, settings.Scenario, settings.Out, settings.Engine,
            new OrleansEngineOptions(settings.Shards, settings.Parallelism), cluster?.Client.GrainFactory ?? silo?.GrainFactory, silo?.Live);

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
        catch (RunFolderException e)
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

        if (outcome.Stopped)
            AnsiConsole.MarkupLine($"[yellow]Stopped[/] from the dashboard after {outcome.TicksRun:N0} ticks; the files are complete for those ticks.");
        else AnsiConsole.MarkupLine($"[green]Done[/] in {outcome.Wall.TotalSeconds:N1} s: {outcome.Trades:N0} trades, {outcome.Volume:N0} units traded. " +
            "Money conserved at every tick.");
        AnsiConsole.MarkupLine($"Results: [link]{Markup.Escape(outcome.Folder)}[/]");
        return ExitCodes.Success;
    }
}
