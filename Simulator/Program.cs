using System.Runtime.InteropServices;
using M2MSim.Simulator.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("m2msim");
    config.AddCommand<RunCommand>("run")
        .WithDescription("Run a scenario and write its results folder (manifest.json, ticks.csv, trades.csv, devices.csv).")
        .WithExample("run", "scenarios/quickstart.yaml")
        .WithExample("run", "scenarios/quickstart.yaml", "--seed", "7", "--set", "devices.car.count=500", "--out", "runs/cars-500");
    config.AddCommand<SweepCommand>("sweep")
        .WithDescription("Run a scenario over a grid of parameter values with replications; resumable; writes sweep.csv.")
        .WithExample("sweep", "scenarios/validation/negotiation.yaml", "--vary", "devices.buyer.strategy.kind=boulware,linear,conceder",
            "--vary", "devices.seller.strategy.kind=boulware,conceder", "--replications", "5", "--out", "runs/tactics");
    config.AddCommand<ValidateCommand>("validate")
        .WithDescription("Check a scenario file and summarise it, without running it.");
    config.AddCommand<ReproduceCommand>("reproduce")
        .WithDescription("Run the validation suite (scenarios/validation/): classic published results, reproduced and checked.");
    config.UseStrictParsing();
    config.PropagateExceptions();
});

// Ctrl+C or SIGTERM ends a run between ticks, and removes its unfinished folder. A second one ends
// the process at once, should shutting down ever hang (an unfinished folder keeps its .partial name,
// so it never looks finished).
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
});

try
{
    return await app.RunAsync(args, cancel.Token);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Cancelled; unfinished run folders without a checkpoint were removed (a run with one is kept as <name>.interrupted for run --resume; a sweep keeps its finished runs: repeat the command to resume it).");
    return ExitCodes.Cancelled;
}
catch (CommandAppException e)
{
    // Mistakes on the command line are bad input: say what is wrong, no stack trace.
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return ExitCodes.BadInput;
}
