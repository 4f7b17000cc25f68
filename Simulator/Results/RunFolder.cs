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

    /// <summary>The default place: runs/&lt;scenario name&gt;-&lt;UTC time&gt;.</summary>
    public static string DefaultPath(string scenarioName, DateTimeOffset startedUtc) =>
        Path.Combine("runs", $"{scenarioName}-{startedUtc.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");

    /// <summary>Checks the final place is free and creates the working folder.</summary>
    public static RunFolder Create(string finalPath)
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

    /// <summary>Publishes the finished run under its final name.</summary>
    public void Complete() => Directory.Move(WorkingPath, FinalPath);

    /// <summary>Keeps a failed run's files for diagnosis, under a name that says it failed.</summary>
    public string Fail()
    {
        var failed = FinalPath + ".failed";
        if (Directory.Exists(failed)) Directory.Delete(failed, recursive: true);
        Directory.Move(WorkingPath, failed);
        return failed;
    }

    /// <summary>Removes the working folder (cancelled runs).</summary>
    public void Discard()
    {
        if (Directory.Exists(WorkingPath)) Directory.Delete(WorkingPath, recursive: true);
    }
}
