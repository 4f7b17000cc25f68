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

    /// <summary>Publishes the finished run under its final name.</summary>
    public void Complete() => Directory.Move(WorkingPath, FinalPath);

    /// <summary>Keeps a failed run's files for diagnosis, under a name that says it failed.</summary>
    public string Fail()
    {
        for (var n = 1; ; n++)
        {
            // Never overwrite the evidence of an earlier failure.
            var failed = n == 1 ? FinalPath + ".failed" : $"{FinalPath}.failed-{n}";
            if (Directory.Exists(failed) || File.Exists(failed)) continue;
            Directory.Move(WorkingPath, failed);
            return failed;
        }
    }

    /// <summary>Removes the working folder (cancelled runs).</summary>
    public void Discard()
    {
        if (Directory.Exists(WorkingPath)) Directory.Delete(WorkingPath, recursive: true);
    }
}
