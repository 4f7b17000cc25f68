namespace M2MSim.Bench.Measuring;

/// <summary>The process's memory: its peak resident set, and the managed heap it keeps alive.</summary>
public static class ProcMemory
{
    /// <summary>
    /// The managed heap's size after a full, blocking, compacting collection (twice, so objects kept
    /// only by finalizers go too): the bytes the run keeps alive, to set against the resident peak.
    /// </summary>
    public static long LiveHeapBytes()
    {
        for (var i = 0; i < 2; i++)
        {
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes;
    }

    /// <summary>VmHWM from /proc/self/status on Linux, the runtime's figure elsewhere.</summary>
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
