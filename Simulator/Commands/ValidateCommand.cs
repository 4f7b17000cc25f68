using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace M2MSim.Simulator.Commands;

/// <summary>Checks a scenario file without running it, and summarises what it describes.</summary>
public sealed class ValidateCommand : Command<ScenarioSettings>
{
    public override int Execute(CommandContext context, ScenarioSettings settings, CancellationToken cancellationToken)
    {
        if (!ScenarioInput.TryLoad(settings, out var scenario)) return ExitCodes.BadInput;
        var table = new Table().AddColumns("population", "count", "strategy", "every");
        foreach (var p in scenario.Populations) table.AddRow(Markup.Escape(p.Type), p.Count.ToString("N0"), p.Strategy.Name, p.Every.ToString());
        AnsiConsole.MarkupLine($"[green]{Markup.Escape(settings.Scenario)} is valid[/]: [bold]{Markup.Escape(scenario.Name)}[/], " +
            $"{scenario.DeviceCount:N0} devices, {scenario.Markets.Count} markets, {scenario.Ticks:N0} ticks, seed {scenario.Seed}.");
        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }
}
