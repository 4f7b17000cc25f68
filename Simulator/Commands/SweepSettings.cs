using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace M2MSim.Simulator.Commands;

public sealed class SweepSettings : ScenarioSettings
{
    public const int MaxReplications = 10_000;

    [CommandOption("--vary <PATH=VALUES>")]
    [Description("A parameter and its values: any --set path, then v1,v2,… or from:to:step (inclusive), e.g. --vary devices.car.count=100:500:100. Repeatable: the grid is every combination.")]
    public string[] Vary { get; init; } = [];

    [CommandOption("--replications <R>")]
    [Description("Runs per grid point; replication r runs with the scenario's seed + r at every point.")]
    [DefaultValue(1)]
    public int Replications { get; init; } = 1;

    [CommandOption("--parallel <N>")]
    [Description("Runs at once. Default: the number of cores.")]
    public int? Parallel { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("The sweep folder. Repeat a sweep's command with the same folder to resume it. Default: runs/<scenario name>-sweep-<UTC time>.")]
    public string? Out { get; init; }

    [CommandOption("--no-trades")]
    [Description("Write no trades.csv in any run (output.trades: false); sweep.csv then has no efficiency.")]
    public bool NoTrades { get; init; }

    [CommandOption("--engine <ENGINE>")]
    [Description("orleans (default: one shared embedded silo) or reference (the in-process loop).")]
    [DefaultValue("orleans")]
    public string Engine { get; init; } = "orleans";

    [CommandOption("--shards <N>")]
    [Description("Shard grains per run. Results do not depend on it.")]
    [DefaultValue(4)]
    public int Shards { get; init; } = 4;

    public override ValidationResult Validate()
    {
        if (base.Validate() is { Successful: false } missing) return missing;
        if (Engine is not ("orleans" or "reference")) return ValidationResult.Error($"--engine must be orleans or reference, not '{Engine}'.");
        if (Replications is < 1 or > MaxReplications) return ValidationResult.Error($"--replications must be between 1 and {MaxReplications:N0}.");
        if (Parallel < 1) return ValidationResult.Error("--parallel must be at least 1.");
        if (Shards < 1) return ValidationResult.Error("--shards must be at least 1.");
        return ValidationResult.Success();
    }
}
