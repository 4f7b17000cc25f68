namespace M2MSim.Analysis.Reports;

/// <summary>
/// Writes a report's files only once all of them exist in memory, each first under a temporary
/// name in a staging folder beside the target and then renamed into place, so an error or a crash
/// never leaves a half-written report.html or PNG that looks finished.
/// </summary>
public static class ReportOutput
{
    public static void Write(string folder, IReadOnlyList<(string Name, byte[] Content)> files)
    {
        var target = Path.GetFullPath(folder);
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(target))!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(Path.TrimEndingDirectorySeparator(target))}.partial-{Environment.ProcessId}");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var (name, content) in files) File.WriteAllBytes(Path.Combine(staging, name), content);
            if (!Directory.Exists(target))
            {
                Directory.Move(staging, target);
                return;
            }
            // The folder is already there (an earlier report, or a folder the user named): replace
            // our files in it one by one; each rename is atomic, other files are left alone.
            foreach (var (name, _) in files) File.Move(Path.Combine(staging, name), Path.Combine(target, name), overwrite: true);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}
