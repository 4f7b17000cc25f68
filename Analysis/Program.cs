using M2MSim.Analysis.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("m2msim-analysis");
    config.AddCommand<SummaryCommand>("summary").WithDescription("Summarise a run folder's markets and money.");
    config.AddCommand<ReportCommand>("report").WithDescription("Write report.html and PNG charts for a run folder.");
    config.UseStrictParsing();
});
return await app.RunAsync(args);
