using Spectre.Console;

namespace M2MSim.Simulator.Commands;

/// <summary>One look for every long job: what it is doing, a bar, percentage, elapsed time and ETA.</summary>
public static class ProgressBars
{
    public static Progress Create() => AnsiConsole.Progress()
        .AutoClear(false)
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn());
}
