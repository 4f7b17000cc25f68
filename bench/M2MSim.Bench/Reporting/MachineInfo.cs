using System.Diagnostics;
using System.Runtime.InteropServices;

namespace M2MSim.Bench.Reporting;

/// <summary>Where and on what the figures were measured: printed with every table.</summary>
public sealed record MachineInfo(string Commit, int Cores, string Memory, string Cpu, string Runtime, string Os)
{
    public static MachineInfo Current(string repoRoot) => new(
        Git(repoRoot), Environment.ProcessorCount, MemTotal(), CpuModel(), RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription);

    public override string ToString() => $"commit {Commit} · {Cores} cores · {Memory} · {Cpu} · {Runtime} · {Os}";

    private static string Git(string repoRoot)
    {
        try
        {
            var head = Run(repoRoot, "rev-parse", "--short=12", "HEAD");
            return Run(repoRoot, "status", "--porcelain").Length > 0 ? head + " (with uncommitted changes)" : head;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "unknown (no git)";
        }
    }

    private static string Run(string dir, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return output;
    }

    private static string MemTotal() => ProcLine("/proc/meminfo", "MemTotal:") is { } kb && long.TryParse(kb.Split(' ')[0], out var k)
        ? $"{k / 1024.0 / 1024.0:F1} GiB memory"
        : "memory unknown";

    private static string CpuModel() => ProcLine("/proc/cpuinfo", "model name") is { } m ? m.TrimStart(':', ' ') : "cpu unknown";

    private static string? ProcLine(string file, string key) =>
        File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?[key.Length..].Trim() : null;
}
