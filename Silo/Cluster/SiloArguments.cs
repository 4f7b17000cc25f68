using System.Globalization;

namespace M2MSim.Silo.Cluster;

/// <summary>
/// The standalone silo's command line. Without --cluster the silo is a one-silo localhost cluster,
/// as it always was; with it the silo joins the Redis cluster. Hand-parsed: six options do not
/// justify a command-line framework in the silo host.
/// </summary>
public sealed record SiloArguments(ClusterSettings? Cluster, int SiloPort, int GatewayPort, int? StopWith)
{
    public const string Usage = """
        usage: M2MSim.Silo [--cluster REDIS_HOST:PORT [--silo-port P] [--gateway-port G] [--cluster-id ID] [--service-id ID]]
          --cluster        join the cluster whose membership is in this Redis (default: a standalone localhost silo)
          --silo-port      port for silo-to-silo traffic (default: a free one)
          --gateway-port   port clients connect to (default: a free one)
          --cluster-id     the cluster's id, the same on every silo and client (default: m2msim-cluster)
          --service-id     the service's id, the same on every silo and client (default: m2msim)
          --stop-with PID  stop when process PID ends (used by `run --silos N`, so no silo outlives it)
        """;

    /// <returns>The arguments, or null with <paramref name="error"/> set (null error and null result: help was asked).</returns>
    public static SiloArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        string? redis = null, clusterId = null, serviceId = null;
        int? siloPort = null, gatewayPort = null, stopWith = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help") return null;
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = name.StartsWith("--", StringComparison.Ordinal) && IsKnown(name) ? $"{name} needs a value." : $"unknown option '{name}'.";
                return null;
            }
            var value = args[++i];
            switch (name)
            {
                case "--cluster": redis = value; break;
                case "--cluster-id": clusterId = value; break;
                case "--service-id": serviceId = value; break;
                case "--silo-port": siloPort = Port(name, value, ref error); break;
                case "--gateway-port": gatewayPort = Port(name, value, ref error); break;
                case "--stop-with": stopWith = Pid(value, ref error); break;
                default: error = $"unknown option '{name}'."; break;
            }
            if (error is not null) return null;
        }
        if (redis is null)
        {
            if (siloPort is not null || gatewayPort is not null || clusterId is not null || serviceId is not null)
            {
                error = "--silo-port, --gateway-port, --cluster-id and --service-id need --cluster.";
                return null;
            }
            return new SiloArguments(null, 0, 0, stopWith);
        }
        if (string.IsNullOrWhiteSpace(redis) || string.IsNullOrWhiteSpace(clusterId ?? "x") || string.IsNullOrWhiteSpace(serviceId ?? "x"))
        {
            error = "--cluster, --cluster-id and --service-id must not be empty.";
            return null;
        }
        if (siloPort is > 0 && siloPort == gatewayPort)
        {
            error = "--silo-port and --gateway-port must differ.";
            return null;
        }
        var cluster = new ClusterSettings(redis, clusterId ?? ClusterSettings.DefaultClusterId, serviceId ?? ClusterSettings.DefaultServiceId);
        return new SiloArguments(cluster, siloPort ?? 0, gatewayPort ?? 0, stopWith);
    }

    private static bool IsKnown(string name) =>
        name is "--cluster" or "--cluster-id" or "--service-id" or "--silo-port" or "--gateway-port" or "--stop-with";

    private static int? Port(string name, string value, ref string? error)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535) return port;
        error = $"{name} must be a port between 1 and 65535, not '{value}'.";
        return null;
    }

    private static int? Pid(string value, ref string? error)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0) return pid;
        error = $"--stop-with must be a process id, not '{value}'.";
        return null;
    }
}
