namespace M2MSim.Simulator.Results;

/// <summary>
/// A run's folder is written under a hidden temporary name next to its final place and renamed
/// when the run completes, so a crashed or failed run never looks like a finished one.
/// </summary>
public sealed class RunFolder
{
    private RunFolder(string final, string working)
    {
        FinalPath = final;
        WorkingPath = working;
    }

    public string FinalPath { get; }

    public string WorkingPath { get; }

    /// <summary>
    /// The default place, runs/&lt;scenario name&gt;-&lt;UTC time&gt;, with -2, -3 … appended when
    /// runs of the same scenario start within the same second.
    /// </summary>
    public static RunFolder CreateDefault(string scenarioName, DateTimeOffset startedUtc)
    {
        var stem = Path.Combine("runs", $"{scenarioName}-{startedUtc.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? stem : $"{stem}-{n}";
            if (!Directory.Exists(candidate) && !File.Exists(candidate)) return Create(candidate);
        }
    }

    /// <summary>Checks the final place is free and creates the working folder.</summary>
    public static RunFolder Create(string finalPath)
    {
        try
        {
            var final = Path.GetFullPath(finalPath);
            if (Directory.Exists(final) || File.Exists(final))
                throw new RunFolderException($"The output folder {finalPath} already exists; choose another with --out.");
            var parent = Path.GetDirectoryName(final) ?? throw new RunFolderException($"{finalPath} is not a usable folder.");
            Directory.CreateDirectory(parent);
            var working = Path.Combine(parent, $".{Path.GetFileName(final)}.partial-{Environment.ProcessId}");
            if (Directory.Exists(working)) Directory.Delete(working, recursive: true);
            Directory.CreateDirectory(working);
            return new RunFolder(final, working);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new RunFolderException($"The output folder {finalPath} cannot be created: {e.Message}");
        }
    }

    /// <summary>
    /// A folder a run left (stopped, failed, or unfinished after its process died), taken back to
    /// go on: it is moved to this process's working name; its final name is the run's own, without
    /// the ".failed" or ".partial" decoration.
    /// </summary>
    public static RunFolder Reopen(string existing)
    {
        try
        {
            return ReopenFolder(existing);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new RunFolderException($"{existing} cannot be taken back to go on with (is another `run --resume` using it?): {e.Message}");
        }
    }

    private static RunFolder ReopenFolder(string existing)
    {
        var path = Path.GetFullPath(existing.TrimEnd(Path.DirectorySeparatorChar));
        var parent = Path.GetDirectoryName(path) ?? throw new RunFolderException($"{existing} is not a run folder.");
        var name = Path.GetFileName(path);
        var partial = System.Text.RegularExpressions.Regex.Match(name, @"^\.(.+)\.partial-(\d+)$");
        if (partial.Success)
        {
            if (IsRunning(int.Parse(partial.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))
                throw new RunFolderException($"{existing} is still being written by process {partial.Groups[2].Value}.");
            name = partial.Groups[1].Value;
        }
        else name = System.Text.RegularExpressions.Regex.Replace(name, @"\.(failed|interrupted)(-\d+)?$", "");
        var final = Path.Combine(parent, name);
        if (final != path && (Directory.Exists(final) || File.Exists(final)))
            throw new RunFolderException($"{existing} would go on as {final}, which exists already.");
        var working = Path.Combine(parent, $".{name}.partial-{Environment.ProcessId}");
        if (working != path)
        {
            if (Directory.Exists(working)) Directory.Delete(working, recursive: true);
            Directory.Move(path, working);
        }
        // A stopped run's settled devices and manifest describe its end, which the resumed run replaces.
        foreach (var stale in new[] { "devices.csv", "manifest.json" }) File.Delete(Path.Combine(working, stale));
        return new RunFolder(final, working);
    }

    private static bool IsRunning(int processId)
    {
        if (processId == Environment.ProcessId) return false;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
    }

    /// <summary>Publishes the finished run under its final name.</summary>
    public void Complete() => Directory.Move(WorkingPath, FinalPath);

    /// <summary>Keeps a failed run's files for diagnosis, under a name that says it failed.</summary>
    public string Fail() => MoveAside("failed");

    /// <summary>Keeps an interrupted run that has a checkpoint, under a name that says so, to be resumed.</summary>
    public string Interrupt() => MoveAside("interrupted");

    /// <summary>Moves the working folder to &lt;final&gt;.&lt;what&gt;, or .&lt;what&gt;-2, -3 …: never over an earlier one (the evidence of a failure, a run to resume).</summary>
    private string MoveAside(string what)
    {
        for (var n = 1; ; n++)
        {
            var aside = n == 1 ? $"{FinalPath}.{what}" : $"{FinalPath}.{what}-{n}";
            if (Directory.Exists(aside) || File.Exists(aside)) continue;
            Directory.Move(WorkingPath, aside);
            return aside;
        }
    }

    /// <summary>Removes the working folder (cancelled runs).</summary>
    public void Discard()
    {
        if (Directory.Exists(WorkingPath)) Directory.Delete(WorkingPath, recursive: true);
    }
}
