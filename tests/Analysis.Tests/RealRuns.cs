namespace M2MSim.Analysis.Tests;

/// <summary>
/// Two small real runs made once for the report tests by the simulator's command line: the
/// quickstart economy (three markets, six device types) for 5 ticks, and the Gode–Sunder unit
/// schedules for two trading periods (so the manifest has an equilibrium), and the settlement
/// comparison's economy on its fee-based chain for 12 ticks (a ledger and a reward pool).
/// </summary>
public sealed class RealRuns : IAsyncLifetime
{
    public string Quickstart { get; } = Path.Combine(Cli.NewTempDirectory(), "quickstart");

    public string GodeSunder { get; } = Path.Combine(Cli.NewTempDirectory(), "gode-sunder");

    public string Chain { get; } = Path.Combine(Cli.NewTempDirectory(), "chain");

    public async Task InitializeAsync()
    {
        foreach (var (scenario, ticks, folder) in new[] { ("scenarios/quickstart.yaml", "5", Quickstart), ("scenarios/validation/gode-sunder.yaml", "60", GodeSunder), ("scenarios/settlement-comparison.yaml", "12", Chain) })
        {
            var run = await Cli.Simulator("run", scenario, "--engine", "reference", "--ticks", ticks, "--out", folder);
            if (run.ExitCode != 0) throw new InvalidOperationException($"the simulator failed on {scenario}: {run.Stderr}");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
