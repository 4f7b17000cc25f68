namespace M2MSim.Tests.Shared;

/// <summary>
/// The repository's root, found from the test binaries (the folder holding M2MSim.sln), so tests
/// read the shipped scenario files and run the README's paths. Compiled into every test project
/// (tests/Directory.Build.props), so there is one way to find it.
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "M2MSim.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("M2MSim.sln not found above the test binaries.");
    }
}
