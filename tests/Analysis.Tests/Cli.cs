using System.Diagnostics;

namespace M2MSim.Analysis.Tests;

/// <summary>Runs the simulator's or the analysis tool's real entry point in a child process, as a researcher would.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>The repository root, found from the test binaries, so scenario paths are the README's.</summary>
    public static string RepoRoot => M2MSim.Tests.Shared.RepositoryRoot.Path;

    public static Task<Result> Analysis(params string[] args) => Run("M2MSim.Analysis.dll", args);

    public static Task<Result> Simulator(params string[] args) => Run("M2MSim.Simulator.dll", args);

    public static string NewTempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "m2msim-analysis-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static async Task<Result> Run(string dll, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
