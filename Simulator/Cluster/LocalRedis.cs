using M2MSim.Silo.Cluster;

namespace M2MSim.Simulator.Cluster;

/// <summary>
/// A throw-away redis-server on a free loopback port, for `run --silos N` without --cluster:
/// nothing saved to disk, gone when the run ends.
/// </summary>
public static class LocalRedis
{
    public static async Task<(ChildProcess Process, string Address)> StartAsync(CancellationToken cancellationToken)
    {
        var server = FindOnPath("redis-server") ?? throw new ClusterUnavailableException(
            "--silos without --cluster starts its own redis-server, and none is on PATH: install it (apt-get install redis-server) or give --cluster HOST:PORT.");
        var port = FreePort.Next();
        var redis = ChildProcess.Start("redis-server", server,
            ["--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], "Ready to accept connections");
        try
        {
            await redis.WaitReadyAsync(TimeSpan.FromSeconds(15), cancellationToken);
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
        return (redis, $"127.0.0.1:{port}");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
