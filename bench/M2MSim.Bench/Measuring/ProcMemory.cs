namespace M2MSim.Bench.Measuring;

/// <summary>The process's peak resident set: VmHWM from /proc/self/status on Linux, the runtime's figure elsewhere.</summary>
public static class ProcMemory
{
    public static long PeakResidentBytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        return System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;
    }
}
