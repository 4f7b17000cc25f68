using M2MSim.Grains.Serialization;
using M2MSim.Silo;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace M2MSim.Grains.Tests.Faults;

/// <summary>A cluster whose silo corrupts device 0's reply at tick 4 (see <see cref="CorruptStepReplyFilter"/>).</summary>
public sealed class FaultyClusterFixture : IAsyncLifetime
{
    public static readonly ReplyCorruption Fault = new(Tick: 4, Device: 0);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddM2MSim();
            silo.Services.AddSingleton(Fault);
            silo.AddIncomingGrainCallFilter<CorruptStepReplyFilter>();
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddEconomyTypes()));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
