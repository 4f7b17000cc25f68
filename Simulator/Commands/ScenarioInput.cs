using System.Diagnostics.CodeAnalysis;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Simulator.Commands;

public static class ScenarioInput
{
    /// <summary>Loads the scenario, or prints every error (file:line:column: field: message) to stderr.</summary>
    public static bool TryLoad(ScenarioSettings settings, [NotNullWhen(true)] out Scenario? scenario)
    {
        try
        {
            scenario = ScenarioLoader.Load(settings.Scenario, settings.Overrides());
            return true;
        }
        catch (ScenarioException e)
        {
            // Plain lines, never wrapped: editors and scripts can jump to file:line:column.
            Console.Error.WriteLine($"error: {settings.Scenario} is not a valid scenario:");
            foreach (var error in e.Errors) Console.Error.WriteLine("  " + error);
            scenario = null;
            return false;
        }
    }
}
