using System.ComponentModel;
using M2MSim.Analysis.Reports;
using Spectre.Console.Cli;

namespace M2MSim.Analysis.Commands;

/// <summary>Writes report.html and its PNG charts for one run folder.</summary>
public sealed class ReportCommand : Command<ReportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<RUN_DIR>")]
        [Description("A finished run folder written by the simulator.")]
        public string RunDir { get; init; } = "";

        [CommandOption("--out <DIR>")]
        [Description("Where to write report.html and the PNGs (default RUN_DIR/report).")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.Guard(() =>
        {
            var bundle = RunReport.Build(settings.RunDir);
            var folder = settings.Out ?? Path.Combine(settings.RunDir, "report");
            ReportOutput.Write(folder, bundle.Files());
            Console.WriteLine($"Report: {Path.Combine(folder, bundle.HtmlName)} ({bundle.Charts.Count} charts)");
        });
}
