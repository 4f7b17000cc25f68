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
        var (exit, stdout, stderr) = await M2MSim.Tests.Shared.DotnetProgram.RunAsync(dll, RepoRoot, args, TimeSpan.FromMinutes(5));
        return new Result(exit, stdout, stderr);
    }
}
