using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace M2MSim.Simulator.Commands;

public sealed class RunSettings : ScenarioSettings
{
    [CommandOption("--out <DIR>")]
    [Description("The run folder to write (must not exist). Default: runs/<scenario name>-<UTC time>.")]
    public string? Out { get; init; }

    [CommandOption("--engine <ENGINE>")]
    [Description("orleans (default: one grain per device on an embedded silo) or reference (the in-process loop).")]
    [DefaultValue("orleans")]
    public string Engine { get; init; } = "orleans";

    [CommandOption("--shards <N>")]
    [Description("Shard grains stepping the devices. Results do not depend on it.")]
    [DefaultValue(8)]
    public int Shards { get; init; } = 8;

    [CommandOption("--parallelism <N>")]
    [Description("Device calls each shard keeps in flight.")]
    [DefaultValue(64)]
    public int Parallelism { get; init; } = 64;

    public override ValidationResult Validate()
    {
        if (Engine is not ("orleans" or "reference")) return ValidationResult.Error($"--engine must be orleans or reference, not '{Engine}'.");
        if (Shards < 1) return ValidationResult.Error("--shards must be at least 1.");
        if (Parallelism < 1) return ValidationResult.Error("--parallelism must be at least 1.");
        return ValidationResult.Success();
    }
}
