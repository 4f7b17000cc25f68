using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace M2MSim.Simulator.Commands;

/// <summary>The options that pick and adjust a scenario, shared by run and validate.</summary>
public class ScenarioSettings : CommandSettings
{
    // Optional for the parser only: run --resume takes its scenario from the checkpoint; Validate asks for it otherwise.
    [CommandArgument(0, "[SCENARIO]")]
    [Description("The scenario file (YAML).")]
    public string Scenario { get; init; } = "";

    // --seed and --ticks are taken as text and applied as overrides, so a bad value gets the
    // scenario's own error message ("--set ticks: must be between 1 and …").
    [CommandOption("--seed <N>")]
    [Description("Overrides the scenario's seed.")]
    public string? Seed { get; init; }

    [CommandOption("--ticks <N>")]
    [Description("Overrides the scenario's number of ticks.")]
    public string? Ticks { get; init; }

    [CommandOption("--set <PATH=VALUE>")]
    [Description("Overrides one value, e.g. --set devices.car.count=500 or --set markets[[0]].fee=0.02. Repeatable.")]
    public string[] Set { get; init; } = [];

    public override ValidationResult Validate() =>
        Scenario.Length == 0 ? ValidationResult.Error("A scenario file is needed, e.g. scenarios/quickstart.yaml.") : ValidationResult.Success();

    /// <summary>--seed and --ticks are overrides like any other, so they are validated the same way.</summary>
    public IReadOnlyList<string> Overrides()
    {
        var all = new List<string>(Set);
        if (Seed is { } seed) all.Add($"seed={seed}");
        if (Ticks is { } ticks) all.Add($"ticks={ticks}");
        return all;
    }
}
