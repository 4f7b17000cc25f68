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
        // Keys a known device type filled in (docs/devices.md): said here, since the file does not show them.
        var filled = ScenarioLoader.FilledByCatalogue(settings.Scenario);
        var table = new Table().AddColumns("population", "count", "strategy", "every", "from the catalogue");
        for (var i = 0; i < scenario.Populations.Count; i++)
        {
            var p = scenario.Populations[i];
            table.AddRow(Markup.Escape(p.Type), p.Count.ToString("N0"), p.Strategy.Name, p.Every.ToString(),
                filled.TryGetValue(i, out var keys) ? string.Join(", ", keys) : "–");
        }
        AnsiConsole.MarkupLine($"[green]{Markup.Escape(settings.Scenario)} is valid[/]: [bold]{Markup.Escape(scenario.Name)}[/], " +
            $"{scenario.DeviceCount:N0} devices, {scenario.Markets.Count} markets, {scenario.Ticks:N0} ticks, seed {scenario.Seed}.");
        AnsiConsole.MarkupLine($"Settlement: {Markup.Escape(Settlement(scenario))}.");
        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }

    private static string Settlement(Scenario scenario)
    {
        var ledger = scenario.Ledger switch
        {
            null or { Kind: Economy.Settlement.LedgerKind.Direct } => "direct (instant, free)",
            { Kind: Economy.Settlement.LedgerKind.Feeless } l => $"feeless ledger (proof of work {l.Pow} compute a transaction, spendable {l.Delay} ticks later)",
            var l => $"chain (fee {Economy.Money.Micros.Format(l.Fee)} a transaction, blocks of {l.Block:N0}, spendable {l.Delay} ticks after the block)",
        };
        return scenario.RewardPool is { } pool
            ? $"{ledger}; reward pool of {Economy.Money.Micros.Format(pool.Fund)}, paying {pool.PayoutPpm / 1e4:0.####} % of it a tick for idle compute"
            : ledger;
    }
}
