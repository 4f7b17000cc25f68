using System.Diagnostics;
using M2MSim.Analysis.Results;
using M2MSim.Simulator.Engines;
using M2MSim.Simulator.Results;
using M2MSim.Simulator.Runs;
using M2MSim.Simulator.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace M2MSim.Simulator.Commands;

/// <summary>Runs a scenario over a grid of parameter values with replications, resumably, and writes sweep.csv.</summary>
public sealed class SweepCommand : AsyncCommand<SweepSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SweepSettings settings, CancellationToken cancellationToken)
    {
        if (!ScenarioInput.TryLoad(settings, out var scenario)) return ExitCodes.BadInput;
        SweepPlan plan;
        IReadOnlyList<SweepRun> runs;
        SweepFolder folder;
        try
        {
            var parameters = settings.Vary.Select(v => SweepParameter.Parse(v, SweepGrid.MaxPoints)).ToArray();
            (plan, runs) = SweepBuilder.Build(settings.Scenario, await File.ReadAllTextAsync(settings.Scenario, cancellationToken), settings.Overrides(),
                parameters, settings.Replications, settings.Engine, trades: !settings.NoTrades);
            folder = SweepFolder.Open(settings.Out ?? DefaultFolder(scenario.Name), plan);
        }
        catch (SweepException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.BadInput;
        }

        var todo = runs.Where(r => !folder.IsComplete(r)).ToArray();
        foreach (var run in todo) folder.Clear(run);
        // sweep.csv exists only for a finished sweep: an interrupted one must not leave an old table behind.
        if (todo.Length > 0) File.Delete(folder.CsvPath);

        var parallel = settings.Parallel ?? Environment.ProcessorCount;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(scenario.Name)}[/]: {plan.Points:N0} points × {plan.Replications:N0} replications = {runs.Count:N0} runs" +
            (todo.Length < runs.Count ? $", {runs.Count - todo.Length:N0} already done" : ""));
        AnsiConsole.MarkupLine($"Engine {settings.Engine}, {parallel} runs at once, into {Markup.Escape(folder.Root)}");

        RunOutcome[] outcomes;
        try
        {
            await using var silo = settings.Engine == RunDriver.Orleans && todo.Length > 0 ? await EmbeddedSilo.StartAsync(cancellationToken) : null;
            var requests = todo.Select(r => new RunRequest(r.Scenario, settings.Scenario, folder.RunPath(r), settings.Engine,
                new OrleansEngineOptions(settings.Shards, Parallelism: 32), silo?.GrainFactory)).ToArray();
            outcomes = await ProgressBars.Create().StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Describe(runs.Count - todo.Length, runs.Count, 0, TimeSpan.Zero), maxValue: runs.Count);
                task.Value = runs.Count - todo.Length;
                var clock = Stopwatch.StartNew();
                return await RunBatch.RunAsync(requests, parallel, new InlineProgress<int>(done =>
                {
                    task.Value = runs.Count - todo.Length + done;
                    task.Description = Describe(runs.Count - todo.Length + done, runs.Count, done, clock.Elapsed);
                }), cancellationToken);
            });
        }
        catch (RunFolderException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.BadInput;
        }

        try
        {
            SweepCsv.Write(folder, plan, runs);
        }
        catch (ResultFileException e)
        {
            // A finished run's files were changed under us; say which, rather than write a wrong table,
            // and leave no older table behind that compare could still read.
            File.Delete(folder.CsvPath);
            await Console.Error.WriteLineAsync($"error: sweep.csv not written: {e.Message} Delete that run's folder and run the sweep again to redo it.");
            return ExitCodes.RunFailed;
        }
        var failed = todo.Select((run, i) => (run, outcome: outcomes[i])).Where(x => !x.outcome.Succeeded).ToArray();
        foreach (var (run, outcome) in failed)
            AnsiConsole.MarkupLine($"[red]{run.Id} failed[/] after {outcome.TicksRun:N0} ticks: {Markup.Escape(outcome.Error ?? "")}");
        AnsiConsole.MarkupLine(failed.Length == 0
            ? $"[green]Done[/]: {runs.Count:N0} runs. Results: [link]{Markup.Escape(folder.CsvPath)}[/]"
            : $"[red]{failed.Length} of {todo.Length} runs failed[/] (their files are in runs/<id>.failed; rerun to retry them). Results: {Markup.Escape(folder.CsvPath)}");
        return failed.Length == 0 ? ExitCodes.Success : ExitCodes.RunFailed;
    }

    private static string Describe(int done, int total, int doneNow, TimeSpan elapsed) =>
        $"runs {done:N0}/{total:N0}" + (doneNow > 0 ? $" · {doneNow / elapsed.TotalMinutes:N1} runs/min" : "");

    private static string DefaultFolder(string scenarioName) => Path.Combine("runs", $"{scenarioName}-sweep-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}");
}
