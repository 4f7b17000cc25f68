namespace M2MSim.Grains.Tests;

/// <summary>Where the repository is, for tests that run its shipped scenario files.</summary>
public static class Repository
{
    public static string Root => M2MSim.Tests.Shared.RepositoryRoot.Path;
}
