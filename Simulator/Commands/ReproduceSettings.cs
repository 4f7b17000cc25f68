using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace M2MSim.Simulator.Commands;

public sealed class ReproduceSettings : CommandSettings
{
    [CommandOption("--out <DIR>")]
    [Description("Where the runs, validation.csv and validation.md go (must not exist). Default: runs/validation-<UTC time>.")]
    public string? Out { get; init; }

    [CommandOption("--engine <ENGINE>")]
    [Description("orleans (default, one shared embedded silo) or reference.")]
    [DefaultValue("orleans")]
    public string Engine { get; init; } = "orleans";

    [CommandOption("--parallel <N>")]
    [Description("Runs at once.")]
    [DefaultValue(4)]
    public int Parallel { get; init; } = 4;

    [CommandOption("--experiment <NAME>")]
    [Description("Only this experiment (repeatable). Default: all.")]
    public string[] Experiments { get; init; } = [];

    [CommandOption("--scenarios <DIR>")]
    [Description("The validation scenarios.")]
    [DefaultValue("scenarios/validation")]
    public string Scenarios { get; init; } = "scenarios/validation";

    [CommandOption("--update-docs <FILE>")]
    [Description("Also write the human-readable table there (the project keeps it in docs/validation.md).")]
    public string? UpdateDocs { get; init; }

    public override ValidationResult Validate()
    {
        if (Engine is not ("orleans" or "reference")) return ValidationResult.Error($"--engine must be orleans or reference, not '{Engine}'.");
        if (Parallel < 1) return ValidationResult.Error("--parallel must be at least 1.");
        return ValidationResult.Success();
    }
}
