using System.Diagnostics;
using System.Runtime.CompilerServices;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Simulation;
using Spectre.Console;

namespace M2MSim.Bench.Measuring;

/// <summary>
/// What a device costs outside any actor, per model: the bytes its spec, its device object and its
/// captured state hold (what a shard keeps for a device deactivated while idle), and the bytes the
/// reference engine allocates per device step. Managed heap only, measured by the collector
/// (GC.GetTotalMemory after a full collection), so it is exact and independent of the machine's load.
/// </summary>
public static class Footprint
{
    public static async Task<int> RunAsync(int devices, int ticks, IReadOnlyList<string> models)
    {
        var table = new Table().AddColumns("model", "devices", "spec B", "device B", "state B", "alloc B / step", "reference s / tick");
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                foreach (var model in models)
                {
                    // One step for the sizes, one per tick.
                    var task = progress.AddTask($"{model}, {devices:N0} devices", maxValue: ticks + 1);
                    var scenario = BenchModels.Load(model, devices, ticks);
                    var (spec, device, state) = Sizes(scenario);
                    task.Increment(1);
                    var (allocated, seconds) = await Steps(scenario, ticks, () => task.Increment(1));
                    table.AddRow(model, $"{devices:N0}", $"{spec:N0}", $"{device:N0}", $"{state:N0}", allocated is { } a ? $"{a:N0}" : "-", $"{seconds:F3}");
                }
            });
        AnsiConsole.Write(table);
        return 0;
    }

    /// <summary>Bytes per device of the specs, of the devices built from them, and of their captured states.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // its arrays die when it returns
    private static (double Spec, double Device, double State) Sizes(Scenario scenario)
    {
        var builder = new PopulationBuilder(scenario);
        var n = (double)builder.DeviceCount;
        var before = Heap();
        var specs = Enumerable.Range(0, builder.DeviceCount).Select(builder.Build).ToArray();
        var withSpecs = Heap();
        var devices = specs.Select(s => new Device(s)).ToArray();
        var withDevices = Heap();
        var states = devices.Select(d => d.Capture()).ToArray();
        var withStates = Heap();
        GC.KeepAlive(states);
        return ((withSpecs - before) / n, (withDevices - withSpecs) / n, (withStates - withDevices) / n);
    }

    /// <summary>Bytes allocated per device step and seconds per tick on the reference engine, after a first tick for the JIT.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(double? Allocated, double Seconds)> Steps(Scenario scenario, int ticks, Action ticked)
    {
        var engine = new ReferenceEngine(scenario);
        await engine.StartAsync(CancellationToken.None);
        await engine.RunTickAsync(0, CancellationToken.None);
        ticked();
        long allocated = 0, steps = 0;
        var clock = new Stopwatch();
        for (var t = 1; t < ticks; t++)
        {
            var start = GC.GetTotalAllocatedBytes(precise: true);
            clock.Start();
            var report = await engine.RunTickAsync(t, CancellationToken.None);
            clock.Stop();
            allocated += GC.GetTotalAllocatedBytes(precise: true) - start;
            steps += report.Rows[0].ActiveDevices;
            ticked();
        }
        return (steps == 0 ? null : (double)allocated / steps, clock.Elapsed.TotalSeconds / (ticks - 1));
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

}
