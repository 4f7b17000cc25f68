using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Simulator.Engines;
using M2MSim.Simulator.Results;
using M2MSim.Simulator.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace M2MSim.Simulator.Commands;

/// <summary>Runs the validation suite: the classic published results, reproduced and checked.</summary>
public sealed class ReproduceCommand : AsyncCommand<ReproduceSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReproduceSettings settings, CancellationToken cancellationToken)
    {
        var unknown = settings.Experiments.Except(KnownExperiments.All.Select(e => e.Name)).ToArray();
        if (unknown.Length > 0)
        {
            await Console.Error.WriteLineAsync($"error: unknown experiment(s) {string.Join(", ", unknown)}; known: {string.Join(", ", KnownExperiments.All.Select(e => e.Name))}.");
            return ExitCodes.BadInput;
        }
        if (!Directory.Exists(settings.Scenarios))
        {
            await Console.Error.WriteLineAsync($"error: {settings.Scenarios} not found; run from the repository root or give --scenarios DIR.");
            return ExitCodes.BadInput;
        }
        var chosen = KnownExperiments.All.Where(e => settings.Experiments.Length == 0 || settings.Experiments.Contains(e.Name)).ToArray();
        var suite = new ValidationSuite(chosen, settings.Scenarios);

        RunFolder folder;
        try
        {
            folder = settings.Out is { } path ? RunFolder.Create(path) : RunFolder.CreateDefault("validation", DateTimeOffset.UtcNow);
        }
        catch (RunFolderException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.BadInput;
        }

        IReadOnlyList<ValidationCheck> checks;
        try
        {
            await using var silo = settings.Engine == "orleans" ? await EmbeddedSilo.StartAsync(cancellationToken) : null;
            checks = await ProgressBars.Create()
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"{suite.RunCount} runs of {chosen.Length} experiments", maxValue: suite.RunCount);
                    return await suite.RunAsync(folder.WorkingPath, settings.Engine, settings.Parallel, silo?.GrainFactory,
                        new InlineProgress<int>(done => task.Value = done), cancellationToken);
                });
        }
        catch (ScenarioException e)
        {
            folder.Discard();
            await Console.Error.WriteLineAsync("error: a validation scenario is not valid:");
            foreach (var error in e.Errors) await Console.Error.WriteLineAsync("  " + error);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            folder.Discard();
            throw;
        }

        ValidationSuite.WriteCsv(Path.Combine(folder.WorkingPath, "validation.csv"), checks);
        const string command = "dotnet run --project Simulator -- reproduce";
        suite.WriteMarkdown(Path.Combine(folder.WorkingPath, "validation.md"), checks, command);
        folder.Complete();
        if (settings.UpdateDocs is { } docs) suite.WriteMarkdown(docs, checks, command);

        var table = new Table().AddColumns("experiment", "metric", "published", "ours", "tolerance", "pass");
        foreach (var c in checks)
            table.AddRow(Markup.Escape(c.Experiment), Markup.Escape(c.Metric), Markup.Escape(c.Published), c.Measured.ToString("G4"), Markup.Escape(c.Tolerance), c.Pass ? "[green]yes[/]" : "[red]no[/]");
        AnsiConsole.Write(table);
        var failed = checks.Count(c => !c.Pass);
        AnsiConsole.MarkupLine(failed == 0
            ? $"[green]All {checks.Count} checks pass.[/] Results: {Markup.Escape(folder.FinalPath)}"
            : $"[red]{failed} of {checks.Count} checks fail.[/] Results: {Markup.Escape(folder.FinalPath)}");
        return failed == 0 ? ExitCodes.Success : ExitCodes.RunFailed;
    }
}
