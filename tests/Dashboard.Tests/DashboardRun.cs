using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using M2MSim.Simulator.Tests;

namespace M2MSim.Dashboard.Tests;

/// <summary>
/// A real `run` with its dashboard, in a child process: reads the address it prints, then keeps
/// draining its output so it never blocks on a full pipe.
/// </summary>
public sealed partial class DashboardRun : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly Task _drain;
    private readonly Task<string> _stderr;

    private DashboardRun(Process process, string work, Uri address, string printed)
    {
        _process = process;
        Work = work;
        Address = address;
        _stdout.Append(printed);
        _drain = Drain(process, _stdout);
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public string Work { get; }

    /// <summary>The economy view's address as printed (with ?token= when there is one).</summary>
    public Uri Address { get; }

    public static string Quickstart { get; } = Path.Combine(Cli.RepoRoot, "scenarios", "quickstart.yaml");

    /// <summary>Starts `run quickstart --out run` with the extra arguments; returns once the dashboard's address is printed.</summary>
    public static async Task<DashboardRun> StartAsync(params string[] args)
    {
        var work = Cli.NewTempDirectory();
        var process = Cli.Start(work, ["run", Quickstart, "--out", "run", .. args]);
        var seen = new StringBuilder();
        using var timeout = new CancellationTokenSource(Timeout);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.AppendLine(line);
            if (AddressLine().Match(line) is { Success: true } m) return new DashboardRun(process, work, new Uri(m.Groups[1].Value), seen.ToString());
        }
        throw new InvalidOperationException($"The run printed no dashboard address:\n{seen}\n{await process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>The address for a path, keeping the token.</summary>
    public Uri At(string path) => new UriBuilder(Address) { Path = path }.Uri;

    public string Folder => Path.Combine(Work, "run");

    /// <summary>Waits for the run to end by itself (after a stop) and returns its exit code and output.</summary>
    public async Task<Cli.Result> FinishAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _process.WaitForExitAsync(timeout.Token);
        await _drain;
        var stderr = await _stderr;
        lock (_stdout) return new Cli.Result(_process.ExitCode, _stdout.ToString(), stderr);
    }

    /// <summary>Ends the simulator as a crash would (SIGKILL): nothing of it gets to clean up.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public JsonElement Manifest() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json"))).RootElement;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static async Task Drain(Process process, StringBuilder into)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (into) into.AppendLine(line);
        }
    }

    [GeneratedRegex(@"^Dashboard: (\S+)")]
    private static partial Regex AddressLine();
}
