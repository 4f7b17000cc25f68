using System.Net;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace M2MSim.Silo.Cluster;

/// <summary>Joins a silo or a client to a Redis-backed cluster: Orleans' own membership, nothing home-made.</summary>
public static class ClusterConfiguration
{
    public static ISiloBuilder UseM2MSimCluster(this ISiloBuilder silo, ClusterSettings cluster, int siloPort, int gatewayPort)
    {
        silo.UseRedisClustering(cluster.Redis);
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
        // Loopback only: the silos of `run --silos N` and the tests live on one machine. A cluster
        // over several machines would advertise a routable address instead.
        silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);
        return silo;
    }

    public static IClientBuilder UseM2MSimCluster(this IClientBuilder client, ClusterSettings cluster)
    {
        client.UseRedisClustering(cluster.Redis);
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
        // A tick's call waits for every device of the tick; see SiloConfiguration for the same limit.
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(30));
        return client;
    }
}
