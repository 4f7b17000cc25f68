using System.Text.Json;

namespace M2MSim.Bench.Tests;

/// <summary>Runs the bench program, as a user or the bench command does, within two minutes.</summary>
public static class BenchProgram
{
    /// <summary>The program with these arguments: its exit code and what it wrote.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args) =>
        M2MSim.Tests.Shared.DotnetProgram.RunAsync("M2MSim.Bench.dll", null, args, TimeSpan.FromMinutes(2));

    /// <summary>One child process, as the bench command starts it: its exit code, its RESULT line and what it logged.</summary>
    public static async Task<(int Exit, JsonElement Result, string Stderr)> ChildAsync(string request)
    {
        var (exit, stdout, stderr) = await RunAsync(["--child", request]);
        var line = stdout.Split('\n').SingleOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        Assert.True(line is not null, stdout + stderr);
        return (exit, JsonDocument.Parse(line!["RESULT ".Length..]).RootElement, stderr);
    }
}
