using System.Diagnostics;

namespace M2MSim.Simulator.Tests;

public sealed class CancellationTests
{
    [Theory]
    [InlineData("orleans")]
    [InlineData("reference")]
    public async Task An_interrupted_run_exits_130_and_leaves_no_folder_behind(string engine)
    {
        var work = Cli.NewTempDirectory();
        var quickstart = Path.Combine(Cli.RepoRoot, "scenarios", "quickstart.yaml");
        using var process = Cli.Start(work, "run", quickstart, "--out", "long", "--ticks", "1000000", "--engine", engine);

        // Wait until the run is really under way: its working folder has tick rows.
        var clock = Stopwatch.StartNew();
        while (!HasTickRows(work))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "the run never started writing ticks");
            Assert.False(process.HasExited, "the run ended before it could be interrupted");
            await Task.Delay(50);
        }
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) await kill.WaitForExitAsync();
        var result = await Cli.Finish(process);

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("Cancelled", result.Stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
    }

    private static bool HasTickRows(string work) =>
        Directory.EnumerateDirectories(work, ".long.partial-*").Any(d =>
            File.Exists(Path.Combine(d, "ticks.csv")) && new FileInfo(Path.Combine(d, "ticks.csv")).Length > 200);
}
