namespace M2MSim.Grains.Tests;

/// <summary>Where the repository is, for tests that run its shipped scenario files.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "M2MSim.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("M2MSim.sln not found above the test binaries.");
    }
}
