using M2MSim.Analysis.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("m2msim-analysis");
    config.AddCommand<SummaryCommand>("summary").WithDescription("Summarise a run folder's markets and money.");
    config.AddCommand<ReportCommand>("report").WithDescription("Write report.html and PNG charts for a run folder.");
    config.AddCommand<CompareCommand>("compare").WithDescription("Compare a sweep's metrics across its parameters: means, 95 % intervals, Welch's tests, charts.");
    config.UseStrictParsing();
});
return await app.RunAsync(args);
