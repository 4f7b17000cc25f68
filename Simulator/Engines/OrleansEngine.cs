using System.Runtime.CompilerServices;
using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Metrics;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Simulation;
using M2MSim.Grains.Coordination;
using Orleans.Runtime;

namespace M2MSim.Simulator.Engines;

/// <summary>Drives a run through the coordinator grain, on an embedded silo or on a given cluster.</summary>
public sealed class OrleansEngine : ISimulationEngine
{
    private const int PageSize = 4096;
    private readonly Scenario _scenario;
    private readonly OrleansEngineOptions _options;
    private IGrainFactory? _grains;
    private EmbeddedSilo? _silo;
    private ICoordinatorGrain? _coordinator;

    /// <param name="grains">An existing cluster's grain factory; null starts an embedded silo.</param>
    public OrleansEngine(Scenario scenario, OrleansEngineOptions options, IGrainFactory? grains = null)
    {
        _scenario = scenario;
        _options = options;
        _grains = grains;
    }

    public string Name => "orleans";

    public int Silos { get; private set; }

    public async Task<long> StartAsync(CancellationToken cancellationToken)
    {
        if (_grains is null)
        {
            _silo = await EmbeddedSilo.StartAsync(cancellationToken);
            _grains = _silo.GrainFactory;
        }
        // The run id only names grains; nothing random in the economy depends on it.
        _coordinator = _grains.GetGrain<ICoordinatorGrain>($"{_scenario.Name}/{Guid.NewGuid():N}");
        var setup = new RunSetup(ScenarioJson.Serialize(_scenario), _options.Shards, _options.Parallelism);
        Silos = (await _grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;
        return await _coordinator.Start(setup);
    }

    public async Task<TickReport> RunTickAsync(int tick, CancellationToken cancellationToken)
    {
        try
        {
            return (await Coordinator.RunTick(tick)).Value;
        }
        catch (MoneyCheckFailedException e)
        {
            throw e.ToEconomy();
        }
    }

    public async Task SettleAsync(int tick, CancellationToken cancellationToken)
    {
        try
        {
            await Coordinator.Settle(tick);
        }
        catch (MoneyCheckFailedException e)
        {
            throw e.ToEconomy();
        }
    }

    /// <summary>The dashboard's view of the last barrier: wealth deciles, the richest devices, the order books.</summary>
    public async Task<LiveEconomy> LiveAsync(int richest) => (await Coordinator.Live(richest)).Value;

    /// <summary>Shard s holds ids s, s + S, s + 2S …: reading every shard's page i and interleaving gives id order.</summary>
    public async IAsyncEnumerable<DeviceSnapshot> DevicesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var shards = await Coordinator.ShardCount();
        for (var from = 0; ; from += PageSize)
        {
            var pages = await Task.WhenAll(Enumerable.Range(0, shards).Select(s => Coordinator.Devices(s, from, PageSize)));
            if (pages.All(p => p.Value.Length == 0)) yield break;
            for (var i = 0; i < PageSize; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var page in pages)
                {
                    if (i < page.Value.Length) yield return page.Value[i];
                }
            }
        }
    }

    public Task<Checkpoint> CaptureAsync(int ticks, CancellationToken cancellationToken) => throw new NotImplementedException();

    public IAsyncEnumerable<DeviceCheckpoint> CaptureDevicesAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<long> RestoreAsync(Checkpoint checkpoint, IAsyncEnumerable<DeviceCheckpoint> devices, CancellationToken cancellationToken) => throw new NotImplementedException();

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_coordinator is not null) await _coordinator.Stop();
        }
        finally
        {
            if (_silo is not null) await _silo.DisposeAsync();
        }
    }

    private ICoordinatorGrain Coordinator => _coordinator ?? throw new InvalidOperationException("The engine was not started.");
}
