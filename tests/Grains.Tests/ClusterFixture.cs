using M2MSim.Grains.Serialization;
using M2MSim.Silo;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace M2MSim.Grains.Tests;

/// <summary>An in-process cluster configured like the real silo; tests call it through its client.</summary>
public class ClusterFixture : IAsyncLifetime
{
    private readonly int _silos;

    public ClusterFixture() : this(1)
    {
    }

    protected ClusterFixture(int silos) => _silos = silos;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder((short)_silos);
        builder.ConfigureSilo((_, silo) => silo.AddM2MSim());
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddEconomyTypes()));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
