using System.Runtime.CompilerServices;
using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Metrics;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Simulation;
using M2MSim.Grains.Coordination;
using M2MSim.Grains.Shards;
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
    private string _runId = "";

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
        await ConnectAsync(cancellationToken);
        return await Coordinator.Start(Setup());
    }

    public async Task<long> RestoreAsync(Checkpoint checkpoint, IAsyncEnumerable<DeviceCheckpoint> devices, CancellationToken cancellationToken)
    {
        await ConnectAsync(cancellationToken);
        await Coordinator.Restore(Setup(), checkpoint.AsImmutable());
        // Devices go to their shard in pages, as they are read: millions never sit in memory at once.
        var shards = Enumerable.Range(0, _options.Shards).Select(s => _grains!.GetGrain<IShardGrain>(s, _runId)).ToArray();
        var pages = shards.Select(_ => new List<DeviceCheckpoint>(PageSize)).ToArray();
        var sends = new List<Task>();
        var next = 0;
        await foreach (var d in devices.WithCancellation(cancellationToken))
        {
            if (d.Id != next) throw new InvalidOperationException($"The checkpoint's devices are not in id order: device {d.Id} came where device {next} was expected.");
            next++;
            var page = pages[d.Id % shards.Length];
            page.Add(d);
            if (page.Count < PageSize) continue;
            sends.Add(shards[d.Id % shards.Length].Restore(page.ToArray().AsImmutable()));
            page.Clear();
        }
        if (next != _scenario.DeviceCount) throw new InvalidOperationException($"The checkpoint holds {next:N0} devices; the scenario has {_scenario.DeviceCount:N0}.");
        sends.AddRange(pages.Select((p, s) => p.Count == 0 ? Task.CompletedTask : shards[s].Restore(p.ToArray().AsImmutable())));
        await Task.WhenAll(sends);
        return checkpoint.InitialSupply;
    }

    /// <summary>Devices held by their shards as state, not as activations (deactivated while idle, or restored and not stepped yet).</summary>
    public async Task<int> DevicesHeldAsStateAsync()
    {
        var shards = Enumerable.Range(0, _options.Shards).Select(s => _grains!.GetGrain<IShardGrain>(s, _runId));
        return (await Task.WhenAll(shards.Select(s => s.HeldAsState()))).Sum();
    }

    /// <summary>The run's id: the key extension of its coordinator, shards, markets and devices.</summary>
    public string RunId => _runId;

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

    public IAsyncEnumerable<DeviceSnapshot> DevicesAsync(CancellationToken cancellationToken) =>
        InIdOrder((s, from) => Coordinator.Devices(s, from, PageSize), cancellationToken);

    public async Task<Checkpoint> CaptureAsync(int ticks, CancellationToken cancellationToken) => (await Coordinator.Capture(ticks)).Value;

    public IAsyncEnumerable<DeviceCheckpoint> CaptureDevicesAsync(CancellationToken cancellationToken) =>
        InIdOrder((s, from) => _grains!.GetGrain<IShardGrain>(s, _runId).Capture(from, PageSize), cancellationToken);

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

    /// <summary>Starts the embedded silo unless the engine was given a cluster, and names this run's coordinator.</summary>
    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (_grains is null)
        {
            _silo = await EmbeddedSilo.StartAsync(cancellationToken);
            _grains = _silo.GrainFactory;
        }
        // The run id only names grains; nothing random in the economy depends on it. A run that
        // recovers from a failed silo goes on under a new id, so no grain of the failed attempt is reused.
        _runId = $"{_scenario.Name}/{Guid.NewGuid():N}";
        _coordinator = _grains.GetGrain<ICoordinatorGrain>(_runId);
        Silos = (await _grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;
    }

    private RunSetup Setup() => new(ScenarioJson.Serialize(_scenario), _options.Shards, _options.Parallelism, _options.DeactivateIdle);

    /// <summary>Shard s holds ids s, s + S, s + 2S …: reading every shard's page i and interleaving gives id order.</summary>
    private async IAsyncEnumerable<T> InIdOrder<T>(Func<int, int, Task<Immutable<T[]>>> page, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var shards = _options.Shards;
        for (var from = 0; ; from += PageSize)
        {
            var pages = await Task.WhenAll(Enumerable.Range(0, shards).Select(s => page(s, from)));
            if (pages.All(p => p.Value.Length == 0)) yield break;
            for (var i = 0; i < PageSize; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var p in pages)
                {
                    if (i < p.Value.Length) yield return p.Value[i];
                }
            }
        }
    }

    private ICoordinatorGrain Coordinator => _coordinator ?? throw new InvalidOperationException("The engine was not started.");
}
