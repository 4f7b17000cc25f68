using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace M2MSim.Bench.Measuring;

/// <summary>
/// Starts one measurement in a fresh process (its own heap, its own peak memory, its own garbage
/// collector) and waits for its result. A child past the time limit is stopped; what it measured
/// until then (its ticks, from its progress lines, and its peak memory) is still reported.
/// </summary>
public static class ChildProcess
{
    public static string CommandOf(ChildRequest request) =>
        $"{string.Join(' ', GcEnvironment(request.Gc).Select(e => $"{e.Key}={e.Value}"))} dotnet {Path.GetFileName(typeof(ChildProcess).Assembly.Location)} --child '{JsonSerializer.Serialize(request)}'";

    public static async Task<Measurement> RunAsync(ChildRequest request, TimeSpan limit, Action<string> progress)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        start.ArgumentList.Add("--child");
        start.ArgumentList.Add(JsonSerializer.Serialize(request));
        foreach (var (name, value) in GcEnvironment(request.Gc)) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the benchmark child process.");

        var ticks = new List<(double Seconds, int Active)>();
        var stderr = new List<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (ticks)
            {
                stderr.Add(e.Data);
                if (ParseTick(e.Data) is { } tick) ticks.Add(tick);
            }
            progress(e.Data);
        };
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(limit);
        long peak = 0;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            peak = PeakOf(process.Id);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var result = (await stdout).Split('\n').FirstOrDefault(l => l.StartsWith(ChildRun.ResultPrefix, StringComparison.Ordinal));
        if (result is not null) return JsonSerializer.Deserialize<Measurement>(result[ChildRun.ResultPrefix.Length..])!;

        lock (ticks)
        {
            var later = ChildRun.Measured(ticks, request.Warmup, every: 1);
            var why = timeout.IsCancellationRequested
                ? $"stopped after {limit.TotalMinutes:F0} min, {ticks.Count} ticks done of at least {request.Ticks}"
                : $"exit code {process.ExitCode}: {string.Join(" / ", stderr.TakeLast(3))}";
            return new Measurement(request.Model, request.Engine, request.Gc, request.Devices, ticks.Count, 0,
                ticks.Count > 0 ? ticks[0].Seconds : 0, later.Length > 0 ? later.Average(x => x.Seconds) : 0,
                later.Length > 0 ? later.Average(x => x.Active) : 0, 0, null, null, peak, why);
        }
    }

    /// <summary>
    /// The collector's settings for a child. "throughput" is the server collector without its dynamic
    /// adaptation (DATAS, on by default since .NET 9), which keeps the young generation small to save
    /// memory, and with a 256 MiB young generation: fewer collections for more memory.
    /// </summary>
    public static IReadOnlyDictionary<string, string> GcEnvironment(string gc) => gc switch
    {
        "server" => new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" },
        "workstation" => new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" },
        "throughput" => new Dictionary<string, string> { ["DOTNET_gcServer"] = "1", ["DOTNET_GCDynamicAdaptationMode"] = "0", ["DOTNET_GCgen0size"] = "0x10000000" },
        _ => throw new ArgumentException($"Unknown collector '{gc}': use server, workstation or throughput.", nameof(gc)),
    };

    /// <summary>Reads a progress line "tick 3: 0.123 s, 100000 device steps".</summary>
    private static (double, int)? ParseTick(string line)
    {
        if (!line.StartsWith("tick ", StringComparison.Ordinal)) return null;
        var parts = line.Split(' ');
        return parts.Length >= 5
            && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && int.TryParse(parts[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var active)
            ? (seconds, active)
            : null;
    }

    private static long PeakOf(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
