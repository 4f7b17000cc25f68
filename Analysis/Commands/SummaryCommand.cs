using System.ComponentModel;
using M2MSim.Analysis.Results;
using M2MSim.Analysis.Metrics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace M2MSim.Analysis.Commands;

/// <summary>Prints a run's markets and its money at a glance.</summary>
public sealed class SummaryCommand : Command<SummaryCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<RUN_DIR>")]
        [Description("A run folder written by the simulator.")]
        public string RunDir { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.Guard(() =>
        {
            RunFolderReader.RequireCompleted(settings.RunDir);
            var ticks = RunFolderReader.ReadTicks(settings.RunDir);
            var table = new Table().AddColumns("market", "trades", "volume", "mean price", "sd of tick price", "min", "max");
            foreach (var m in MarketSummary.Of(ticks))
                table.AddRow(m.Resource, $"{m.Trades:N0}", $"{m.Volume:N0}", $"{m.MeanPrice:F4}", $"{m.PriceStdDev:F4}", $"{m.MinPrice:F4}", $"{m.MaxPrice:F4}");
            AnsiConsole.Write(table);
            if (ticks.Count > 0)
            {
                var first = ticks[0];
                var last = ticks[^1];
                AnsiConsole.MarkupLine($"{ticks.Max(t => t.Tick) + 1:N0} ticks. Gini of wealth {first.Gini:F3} → {last.Gini:F3}; " +
                    $"fees collected {last.FeesTotal:N2}; money supply {last.MoneySupply:N2}.");
            }
        });
}
