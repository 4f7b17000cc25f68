using System.Diagnostics;

namespace M2MSim.Tests.Shared;

/// <summary>
/// One of the project's programs (its dll, next to the test binaries) run in a child process, as a
/// user runs it. Compiled into every test project (tests/Directory.Build.props), so there is one way
/// to start a program and read what it wrote.
/// </summary>
internal static class DotnetProgram
{
    /// <summary>Starts <paramref name="dll"/> with <paramref name="args"/>, its output redirected (null directory: the current one).</summary>
    public static Process Start(string dll, string? workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var a in args) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    /// <summary>Waits, at most <paramref name="limit"/>, for a started program to end: its exit code and what it wrote.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> FinishAsync(Process process, TimeSpan limit)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary><see cref="Start"/>, then <see cref="FinishAsync"/>.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string dll, string? workingDirectory, IEnumerable<string> args, TimeSpan limit)
    {
        using var process = Start(dll, workingDirectory, args);
        return await FinishAsync(process, limit);
    }
}
