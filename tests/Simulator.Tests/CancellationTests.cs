using System.Diagnostics;

namespace M2MSim.Simulator.Tests;

public sealed class CancellationTests
{
    private static readonly string Quickstart = Path.Combine(Cli.RepoRoot, "scenarios", "quickstart.yaml");

    [Theory]
    [InlineData("orleans")]
    [InlineData("reference")]
    public async Task An_interrupted_run_exits_130_and_leaves_no_folder_behind(string engine)
    {
        var work = Cli.NewTempDirectory();
        using var process = Cli.Start(work, "run", Quickstart, "--out", "long", "--ticks", "1000000", "--engine", engine);

        // Wait until the run is really under way: its working folder has tick rows.
        var result = await InterruptWhen(process, () => HasTickRows(work, "long"), "the run never started writing ticks");

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("Cancelled", result.Stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
    }

    [Fact]
    public async Task An_interrupted_sweep_exits_130_keeping_finished_runs_and_writing_no_sweep_csv()
    {
        var work = Cli.NewTempDirectory();
        // One at a time: the 2-tick point finishes, then the long one is interrupted.
        using var process = Cli.Start(work, "sweep", Quickstart, "--vary", "ticks=2,1000000", "--parallel", "1", "--engine", "reference", "--out", "s");

        var runs = Path.Combine(work, "s", "runs");
        var result = await InterruptWhen(process, () => Directory.Exists(Path.Combine(runs, "p000-r00")) && HasTickRows(runs, "p001-r00"),
            "the sweep never reached its second run");

        Assert.Equal(130, result.ExitCode);
        Assert.Equal(["p000-r00"], Directory.EnumerateFileSystemEntries(runs).Select(Path.GetFileName));
        Assert.Equal(["runs", "sweep.json"], Directory.EnumerateFileSystemEntries(Path.Combine(work, "s")).Select(Path.GetFileName).Order());
    }

    /// <summary>Sends Ctrl+C (SIGINT) once <paramref name="ready"/> holds, and waits for the process to end.</summary>
    internal static async Task<Cli.Result> InterruptWhen(Process process, Func<bool> ready, string never)
    {
        var clock = Stopwatch.StartNew();
        while (!ready())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), never);
            Assert.False(process.HasExited, "the command ended before it could be interrupted");
            await Task.Delay(50);
        }
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) await kill.WaitForExitAsync();
        return await Cli.Finish(process);
    }

    /// <summary>The run's working folder (.&lt;name&gt;.partial-&lt;pid&gt;) has tick rows.</summary>
    internal static bool HasTickRows(string folder, string name) =>
        Directory.Exists(folder) && Directory.EnumerateDirectories(folder, $".{name}.partial-*").Any(d =>
            File.Exists(Path.Combine(d, "ticks.csv")) && new FileInfo(Path.Combine(d, "ticks.csv")).Length > 200);
}
