namespace M2MSim.Silo.Cluster;

/// <summary>
/// Where a cluster's membership lives and which cluster it is. Every silo and every client of one
/// cluster must use the same three values: Orleans only lets silos with the same ClusterId and
/// ServiceId talk to each other.
/// </summary>
/// <param name="Redis">The Redis that holds the membership table, as StackExchange.Redis reads it (host:port).</param>
public sealed record ClusterSettings(string Redis, string ClusterId = ClusterSettings.DefaultClusterId, string ServiceId = ClusterSettings.DefaultServiceId)
{
    public const string DefaultClusterId = "m2msim-cluster";
    public const string DefaultServiceId = "m2msim";
}
