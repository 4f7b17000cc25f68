using System.Diagnostics;
using System.Text.Json;
using M2MSim.Simulator.Tests;

namespace M2MSim.Dashboard.Tests;

/// <summary>
/// `run --resume`: a run stopped from the dashboard, or whose process was killed, goes on from its
/// last checkpoint and ends with exactly the files of a run that was never interrupted.
/// </summary>
public sealed class ResumeTests
{
    private const int Ticks = 60;
    private static readonly string[] ResultFiles = ["ticks.csv", "trades.csv", "devices.csv"];

    [Fact]
    public async Task A_run_stopped_from_the_dashboard_resumes_to_the_files_of_an_uninterrupted_run()
    {
        await using var run = await DashboardRun.StartAsync("--ticks", $"{Ticks}");
        await WaitFor(() => TickRows(run.Work) >= 10, "ten ticks");
        using var http = new HttpClient();
        // Paused first, so the stop surely comes before the last tick, wherever the run is.
        (await http.PostAsync(run.At("/api/run/pause"), null)).EnsureSuccessStatusCode();
        (await http.PostAsync(run.At("/api/run/stop"), null)).EnsureSuccessStatusCode();
        var stopped = await run.FinishAsync();
        Assert.True(stopped.ExitCode == 0, stopped.Stdout + stopped.Stderr);
        Assert.Contains("run --resume", stopped.Stdout);
        var stoppedAt = run.Manifest().GetProperty("ticks_run").GetInt32();
        Assert.InRange(stoppedAt, 10, Ticks - 1);
        // Taken before the settlement, at the barrier the run stopped at.
        Assert.Equal([$"tick-{stoppedAt:D8}"], Directory.GetDirectories(Path.Combine(run.Folder, "checkpoint")).Select(Path.GetFileName));

        var resumed = await Cli.Run(run.Work, "run", "--resume", "run", "--no-dashboard");
        Assert.True(resumed.ExitCode == 0, resumed.Stdout + resumed.Stderr);
        var manifest = run.Manifest();
        Assert.Equal("completed", manifest.GetProperty("outcome").GetString());
        Assert.Equal(Ticks, manifest.GetProperty("ticks_run").GetInt32());
        Assert.Equal(stoppedAt, manifest.GetProperty("resumes")[0].GetProperty("from_tick").GetInt32());
        Assert.False(Directory.Exists(Path.Combine(run.Folder, "checkpoint")), "a completed run keeps no checkpoint");
        await AssertSameFilesAsUninterrupted(run.Work, run.Folder);
    }

    [Theory]
    [InlineData("orleans")]
    [InlineData("reference")]
    public async Task A_killed_run_resumes_from_its_last_checkpoint_on_either_engine_to_the_files_of_an_uninterrupted_run(string engine)
    {
        await using var run = await DashboardRun.StartAsync("--ticks", $"{Ticks}", "--checkpoint-every", "5");
        await WaitFor(() => Checkpoints(run.Work).Any(t => t >= 10), "a checkpoint at tick 10");
        using var http = new HttpClient();
        // Paused, so the kill surely comes before the last tick, wherever the run is.
        (await http.PostAsync(run.At("/api/run/pause"), null)).EnsureSuccessStatusCode();
        await run.KillAsync();
        var partial = Assert.Single(Directory.GetDirectories(run.Work, ".run.partial-*"));
        var last = Checkpoints(run.Work).Max();
        Assert.Equal(0, last % 5);

        var resumed = await Cli.Run(run.Work, "run", "--resume", partial, "--engine", engine, "--no-dashboard");
        Assert.True(resumed.ExitCode == 0, resumed.Stdout + resumed.Stderr);
        Assert.Contains($"from its checkpoint at tick {last}", resumed.Stdout);
        Assert.False(Directory.Exists(partial));
        var manifest = run.Manifest();
        Assert.Equal("completed", manifest.GetProperty("outcome").GetString());
        Assert.Equal(last, manifest.GetProperty("resumes")[0].GetProperty("from_tick").GetInt32());
        Assert.Equal(5, manifest.GetProperty("checkpoint_every").GetInt32());
        await AssertSameFilesAsUninterrupted(run.Work, run.Folder);
    }

    private static async Task AssertSameFilesAsUninterrupted(string work, string folder)
    {
        var straight = await Cli.Run(work, "run", DashboardRun.Quickstart, "--ticks", $"{Ticks}", "--engine", "reference", "--out", "straight");
        Assert.True(straight.ExitCode == 0, straight.Stdout + straight.Stderr);
        foreach (var file in ResultFiles)
            Assert.True(File.ReadAllBytes(Path.Combine(work, "straight", file)).SequenceEqual(File.ReadAllBytes(Path.Combine(folder, file))), $"{file} differs");
    }

    /// <summary>Tick rows in the run's working folder (quickstart has three markets: three rows a tick).</summary>
    private static int TickRows(string work) =>
        Directory.GetDirectories(work, ".run.partial-*").Select(d => Path.Combine(d, "ticks.csv")).Where(File.Exists)
            .Select(f => ReadShared(f).Count(c => c == '\n') - 1).DefaultIfEmpty(0).Max() / 3;

    /// <summary>The ticks of the complete checkpoints in the run's working folder.</summary>
    private static IEnumerable<int> Checkpoints(string work) =>
        Directory.GetDirectories(work, ".run.partial-*").Select(d => Path.Combine(d, "checkpoint")).Where(Directory.Exists)
            .SelectMany(Directory.GetDirectories).Select(Path.GetFileName)
            .Where(n => n!.StartsWith("tick-", StringComparison.Ordinal) && !n.EndsWith(".partial", StringComparison.Ordinal))
            .Select(n => int.Parse(n!["tick-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }

    private static async Task WaitFor(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"never saw {what}");
            await Task.Delay(50);
        }
    }
}
