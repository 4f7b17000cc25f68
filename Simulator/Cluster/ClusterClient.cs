using M2MSim.Grains.Serialization;
using M2MSim.Silo.Cluster;
using M2MSim.Simulator.Engines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace M2MSim.Simulator.Cluster;

/// <summary>An Orleans client of a Redis cluster: the run's grains live on the cluster's silos.</summary>
public sealed class ClusterClient : IAsyncDisposable
{
    /// <summary>How long the client may take to reach a gateway once Redis has answered.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private readonly IHost _host;

    private ClusterClient(IHost host)
    {
        _host = host;
        GrainFactory = host.Services.GetRequiredService<IGrainFactory>();
    }

    public IGrainFactory GrainFactory { get; }

    /// <exception cref="ClusterUnavailableException">Redis or every silo is out of reach.</exception>
    public static async Task<ClusterClient> ConnectAsync(ClusterSettings cluster, CancellationToken cancellationToken)
    {
        if (await RedisProbe.CheckAsync(cluster.Redis, cancellationToken) is { } unreachable) throw new ClusterUnavailableException(unreachable);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Error);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.UseOrleansClient(client =>
        {
            client.UseM2MSimCluster(cluster);
            client.Services.AddSerializer(s => s.AddEconomyTypes());
        });
        var host = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await host.StartAsync(timeout.Token);
            return new ClusterClient(host);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            throw new ClusterUnavailableException(
                $"no silo of cluster {cluster.ClusterId}/{cluster.ServiceId} answered through Redis {cluster.Redis} " +
                $"(start silos with: dotnet run --project Silo -- --cluster {cluster.Redis}): {e.Message}", e);
        }
    }

    /// <summary>How many silos the cluster counts as active now.</summary>
    public async Task<int> ActiveSilosAsync() => (await ActiveSiloAddressesAsync()).Count;

    /// <summary>The silos the cluster counts as active now, by address.</summary>
    public async Task<IReadOnlySet<string>> ActiveSiloAddressesAsync() =>
        (await GrainFactory.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Keys.Select(s => s.ToString()).ToHashSet();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }
}
