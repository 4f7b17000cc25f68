using System.Diagnostics;

namespace M2MSim.Simulator.Tests;

/// <summary>Runs the simulator's real entry point in a child process, as a researcher would.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>The repository root, found from the test binaries, so scenario paths are the README's.</summary>
    public static string RepoRoot => M2MSim.Tests.Shared.RepositoryRoot.Path;

    public static async Task<Result> Run(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        return await Finish(process);
    }

    public static Process Start(string workingDirectory, params string[] args) =>
        M2MSim.Tests.Shared.DotnetProgram.Start("M2MSim.Simulator.dll", workingDirectory, args);

    public static async Task<Result> Finish(Process process)
    {
        var (exit, stdout, stderr) = await M2MSim.Tests.Shared.DotnetProgram.FinishAsync(process, TimeSpan.FromMinutes(5));
        return new Result(exit, stdout, stderr);
    }

    public static string NewTempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "m2msim-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
