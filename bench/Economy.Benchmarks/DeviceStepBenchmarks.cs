using BenchmarkDotNet.Attributes;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Benchmarks;

/// <summary>
/// One money-model step per device, each handed one gift, devices in id order as the engines step
/// them: the step alone, without the engine's gathering and recording. At 10 k devices their state
/// stays in the cache; at 100 k it does not, and the difference is what a step waits on memory.
/// </summary>
[MemoryDiagnoser]
public class DeviceStepBenchmarks
{
    private Device[] _devices = [];
    private PeerMessage[] _gifts = [];
    private DeviceStepResult[] _results = [];
    private int _tick;

    [Params(10_000, 100_000)]
    public int Devices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(ReferenceEngineBenchmarks.RepoRoot(), "scenarios", "bench", "money.yaml"), [$"devices.agent.count={Devices}"]);
        var builder = new PopulationBuilder(scenario);
        _devices = Enumerable.Range(0, builder.DeviceCount).Select(i => new Device(builder.Build(i))).ToArray();
        _gifts = new PeerMessage[_devices.Length];
        _results = new DeviceStepResult[_devices.Length];
    }

    /// <summary>Every device steps once, with a gift from its neighbour (one operation is one device's step).</summary>
    [Benchmark(OperationsPerInvoke = 100_000)]
    public int MoneySteps()
    {
        var tick = ++_tick;
        var given = 0;
        for (var round = 0; round < 100_000 / _devices.Length; round++)
        {
            for (var i = 0; i < _devices.Length; i++)
            {
                _gifts[i] = PeerMessage.Gift((i + 1) % _devices.Length, i, _devices[i].Spec.Gives); // what it gives: every device can give each step
                _results[i] = _devices[i].Step(tick, default, false, null, new ReadOnlySpan<PeerMessage>(ref _gifts[i]));
                given += _results[i].Messages?.Length ?? 0;
            }
        }
        return given;
    }
}
