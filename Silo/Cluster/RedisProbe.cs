using StackExchange.Redis;

namespace M2MSim.Silo.Cluster;

/// <summary>
/// Asks Redis for a PING before Orleans is started on it. Orleans' Redis membership retries a
/// missing Redis for a long time; a researcher who mistyped an address should hear so in seconds.
/// </summary>
public static class RedisProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <returns>Null when Redis answered; otherwise what went wrong, in one sentence.</returns>
    public static async Task<string?> CheckAsync(string address, CancellationToken cancellationToken = default)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(address);
        }
        catch (ArgumentException e)
        {
            return $"'{address}' is not a Redis address (host:port): {e.Message}";
        }
        if (options.EndPoints.Count == 0) return $"'{address}' is not a Redis address (host:port).";
        options.AbortOnConnectFail = true;
        options.ConnectRetry = 1;
        options.ConnectTimeout = (int)Timeout.TotalMilliseconds;
        options.SyncTimeout = (int)Timeout.TotalMilliseconds;
        try
        {
            var connect = ConnectionMultiplexer.ConnectAsync(options);
            using var redis = await connect.WaitAsync(Timeout + Timeout, cancellationToken);
            await redis.GetDatabase().PingAsync().WaitAsync(Timeout, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return $"cannot reach Redis at {address} (is redis-server running there?): {FirstLine(e.Message)}";
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Split(" To allow", 2)[0].Trim();
}
