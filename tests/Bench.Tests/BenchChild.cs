using System.Diagnostics;
using System.Text.Json;

namespace M2MSim.Bench.Tests;

/// <summary>Runs one bench child process, as the bench command does, and reads its RESULT line.</summary>
public static class BenchChild
{
    public static async Task<(int Exit, JsonElement Result, string Stderr)> RunAsync(string request)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "M2MSim.Bench.dll"), "--child", request }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var line = (await stdout).Split('\n').SingleOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        Assert.True(line is not null, await stdout + await stderr);
        return (process.ExitCode, JsonDocument.Parse(line!["RESULT ".Length..]).RootElement, await stderr);
    }
}
