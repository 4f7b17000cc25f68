using System.ComponentModel;
using M2MSim.Analysis.Reports;
using Spectre.Console.Cli;

namespace M2MSim.Analysis.Commands;

/// <summary>Writes compare.html, compare.csv, compare-tests.csv and PNG charts for a sweep folder.</summary>
public sealed class CompareCommand : Command<CompareCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SWEEP_DIR>")]
        [Description("A finished sweep folder (sweep.json and sweep.csv).")]
        public string SweepDir { get; init; } = "";

        [CommandOption("--metric <NAME>")]
        [Description("A metric column of sweep.csv to compare; repeat for several (default: every metric column).")]
        public string[] Metrics { get; init; } = [];

        [CommandOption("--out <DIR>")]
        [Description("Where to write the files (default SWEEP_DIR/compare).")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.Guard(() =>
        {
            var bundle = CompareReport.Build(settings.SweepDir, settings.Metrics);
            var folder = settings.Out ?? Path.Combine(settings.SweepDir, "compare");
            ReportOutput.Write(folder, bundle.Files());
            Console.WriteLine($"Comparison: {Path.Combine(folder, bundle.HtmlName)} ({bundle.Charts.Count} charts, compare.csv, compare-tests.csv)");
        });
}
