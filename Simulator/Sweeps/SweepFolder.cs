using System.Text.Json;
using M2MSim.Analysis.Results;

namespace M2MSim.Simulator.Sweeps;

/// <summary>
/// A sweep's folder: sweep.json (the plan), runs/&lt;run id&gt;/ (one run folder each, as `run`
/// writes it) and sweep.csv. A run counts as done only when its folder has its final name and a
/// completed manifest; anything else it left (a temporary folder of an interrupted run, a
/// .failed folder) is removed and the run made again.
/// </summary>
public sealed class SweepFolder
{
    private SweepFolder(string root) => Root = root;

    public string Root { get; }

    public string RunsPath => Path.Combine(Root, "runs");

    public string CsvPath => Path.Combine(Root, SweepCsv.FileName);

    public string RunPath(SweepRun run) => Path.Combine(RunsPath, run.Id);

    /// <summary>Where a failed run keeps its files (RunFolder.Fail names it).</summary>
    public string FailedPath(SweepRun run) => RunPath(run) + ".failed";

    /// <summary>Starts a sweep in <paramref name="root"/>, or resumes the same sweep there.</summary>
    /// <exception cref="SweepException">The folder holds another sweep, or something that is not a sweep.</exception>
    public static SweepFolder Open(string root, SweepPlan plan)
    {
        try
        {
            if (File.Exists(root)) throw new SweepException($"{root} is a file; give a folder with --out.");
            var planPath = Path.Combine(root, SweepPlan.FileName);
            if (File.Exists(planPath))
            {
                if (!SweepPlan.Read(planPath).IsSameSweepAs(plan))
                    throw new SweepException($"{root} holds a different sweep (see its {SweepPlan.FileName}); choose another folder with --out, " +
                        "or repeat that sweep's exact command to resume it.");
                return new SweepFolder(root);
            }
            if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
                throw new SweepException($"{root} is not empty and holds no {SweepPlan.FileName}; choose another folder with --out.");
            Directory.CreateDirectory(root);
            WriteAtomically(planPath, temp => File.WriteAllText(temp, plan.ToJson()));
            return new SweepFolder(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SweepException($"The sweep folder {root} cannot be used: {e.Message}");
        }
    }

    /// <summary>A completed manifest, and every file it lists still there (a damaged folder is made again).</summary>
    public bool IsComplete(SweepRun run)
    {
        var folder = RunPath(run);
        try
        {
            RunFolderReader.RequireCompleted(folder);
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
            return manifest.RootElement.GetProperty("files").EnumerateArray().All(f => File.Exists(Path.Combine(folder, f.GetString()!)));
        }
        catch (Exception e) when (e is ResultFileException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Removes whatever an unfinished or failed attempt at the run left, so it can be made afresh.</summary>
    public void Clear(SweepRun run)
    {
        if (Directory.Exists(RunPath(run))) Directory.Delete(RunPath(run), recursive: true);
        if (!Directory.Exists(RunsPath)) return;
        foreach (var pattern in new[] { $"{run.Id}.failed*", $".{run.Id}.partial-*" })
        {
            foreach (var leftover in Directory.EnumerateDirectories(RunsPath, pattern)) Directory.Delete(leftover, recursive: true);
        }
    }

    /// <summary>Temp file and rename: a reader never sees half a file, and an interruption leaves the old one or none.</summary>
    public static void WriteAtomically(string path, Action<string> writeTo)
    {
        var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.partial-{Environment.ProcessId}");
        try
        {
            writeTo(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            // Only left when writing failed: nothing half-written stays behind.
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
