using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using M2MSim.Bench.Floor;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Simulation;
using M2MSim.Silo.Dashboard;
using M2MSim.Simulator.Engines;
using M2MSim.Simulator.Runs;

namespace M2MSim.Bench.Measuring;

/// <summary>
/// The child process: runs one model on one engine, tick by tick, without writing result files
/// (the engines are measured, not the CSV writer), then, for Orleans, the actor floor in the same
/// silo. Prints progress to stderr and one line "RESULT {json}" to stdout, then exits without
/// deactivating a million grains (that takes tens of seconds and is no part of a run).
/// </summary>
public static class ChildRun
{
    public const string ResultPrefix = "RESULT ";

    /// <summary>The engine "dashboard": Orleans with the dashboard on and watched, fed each tick as a run feeds it.</summary>
    public const string Dashboard = "dashboard";

    /// <summary>
    /// The ticks measured: those after the warm-up and after the longest <paramref name="every"/>;
    /// in a run too short for that, those after the warm-up alone; in one too short even for that
    /// (a child stopped early), every tick after tick 0.
    /// </summary>
    public static T[] Measured<T>(IReadOnlyList<T> ticks, int warmup, int every) => ticks.Skip(Skip(ticks.Count, warmup, every)).ToArray();

    private static int Skip(int ticks, int warmup, int every)
    {
        warmup = Math.Max(1, warmup);
        return ticks > Math.Max(warmup, every) ? Math.Max(warmup, every) : ticks > warmup ? warmup : 1;
    }

    // A warm-up in time ends within this many ticks more than asked for, reached or not: a small
    // model's ticks take a millisecond, and the market model's buyers can pay for 500 ticks.
    public const int MaxWarmupTicks = 400;

    /// <summary>
    /// Where the measured ticks start, given the seconds of the ticks run so far: after the first
    /// <paramref name="skip"/> ticks, and once the ticks after tick 0 have run for <paramref name="seconds"/>
    /// (the JIT's tiers and its delays are counted in time, not in ticks), at <paramref name="skip"/> plus
    /// a whole number of <paramref name="cycles"/> (the model's activity repeats with that period, so
    /// every engine's measured ticks start at the same point of it), and at most <see cref="MaxWarmupTicks"/>
    /// ticks after <paramref name="skip"/>; null while that is not known yet.
    /// </summary>
    public static int? WarmedUp(IReadOnlyList<double> ticks, int skip, double seconds, int cycles = 1)
    {
        var last = skip + MaxWarmupTicks / cycles * cycles; // the latest start a warm-up in time may take
        double run = 0;
        for (var t = 1; t < ticks.Count; t++)
        {
            if (t >= skip && (t - skip) % cycles == 0 && (run >= seconds || t == last)) return t;
            run += ticks[t];
        }
        var next = ticks.Count;
        return next >= skip && (next - skip) % cycles == 0 && (run >= seconds || next == last) ? next : null;
    }

    /// <summary>The period of a scenario's activity: the least common multiple of its populations' `every`, or 1 if that exceeds 1,000 ticks.</summary>
    public static int Cycle(IEnumerable<int> every)
    {
        long cycle = 1;
        foreach (var e in every)
        {
            cycle = cycle / (long)BigInteger.GreatestCommonDivisor(cycle, e) * e;
            if (cycle > 1_000) return 1;
        }
        return (int)cycle;
    }

    public static async Task<int> RunAsync(ChildRequest request)
    {
        if (request.Engine == FloorAlone.Engine) return Print(await FloorAlone.MeasureAsync(request));
        // The ticks asked for, and as many more as the warm-up in time may take (the engines never read the scenario's ticks).
        var scenario = BenchModels.Load(request.Model, request.Devices, request.Ticks + MaxWarmupTicks);
        var every = scenario.Populations.Max(p => p.Every);
        var cycles = Cycle(scenario.Populations.Select(p => p.Every));
        var tickSeconds = new List<double>(); // each tick's, for the warm-up
        var skip = Skip(request.Ticks, request.Warmup, every);
        var measured = request.Ticks - skip;
        int? from = null; // the first measured tick, once known
        var ticks = new List<(double Seconds, int Active, long Allocated, double Paused, double? Calls)>();
        double start = 0;
        long peak = 0, live = 0;
        FloorResult? floor = null;
        string? error = null;
        EmbeddedSilo? silo = null;
        DashboardWatcher? watcher = null;
        string? note = null;
        using var phases = new ShardPhaseListener(); // the grains' shards only: the reference engine has none
        try
        {
            FloorOrder.Of(0, request.FloorOrder, 0); // an unknown order is refused now, not after the run
            var clock = Stopwatch.StartNew();
            ISimulationEngine engine;
            var options = new OrleansEngineOptions(request.Shards, request.Parallelism, request.DeactivateIdle);
            if (request.Engine is "orleans" or Dashboard)
            {
                silo = await EmbeddedSilo.StartAsync(CancellationToken.None, request.Engine == Dashboard ? DashboardBinding.Loopback() : null);
                engine = new OrleansEngine(scenario, options, silo.GrainFactory);
            }
            else engine = new ReferenceEngine(scenario);
            // As a run feeds the dashboard: every tick's report, the coordinator's economy view once a
            // second; without a dashboard it does nothing.
            var feed = new LiveFeed(silo?.Live, engine);
            feed.Begin(new RunRequest(scenario, $"scenarios/bench/{request.Model}.yaml", null, RunDriver.Orleans, options, Live: silo?.Live), silos: 1);
            if (silo?.Dashboard is { } address) watcher = DashboardWatcher.Open(address);
            await engine.StartAsync(CancellationToken.None);
            start = clock.Elapsed.TotalSeconds;
            for (var t = 0; t < scenario.Ticks && (from is not { } f || ticks.Count < f + measured); t++)
            {
                // Read outside the timed interval: a precise count stops every thread for a moment.
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var paused = GC.GetTotalPauseDuration();
                clock.Restart();
                var report = await engine.RunTickAsync(t, CancellationToken.None);
                await feed.TickAsync(report);
                var seconds = clock.Elapsed.TotalSeconds;
                ticks.Add((seconds, report.Rows[0].ActiveDevices, GC.GetTotalAllocatedBytes(precise: true) - allocated,
                    (GC.GetTotalPauseDuration() - paused).TotalSeconds, phases.Take()));
                Console.Error.WriteLine($"tick {t}: {ticks[^1].Seconds:F3} s, {ticks[^1].Active} device steps");
                tickSeconds.Add(ticks[^1].Seconds);
                from ??= WarmedUp(tickSeconds, skip, request.WarmupSeconds, cycles);
            }
            peak = ProcMemory.PeakResidentBytes();
            live = ProcMemory.LiveHeapBytes();
            if (watcher is not null)
            {
                var updates = watcher.Updates;
                await watcher.DisposeAsync();
                watcher = null;
                if (updates == 0) throw new InvalidOperationException("The dashboard's live channel sent no update: the page would have shown nothing.");
                note = $"watched: {updates} live updates received";
            }
            if (silo is not null && request.FloorRounds > 0 && request.FloorOrder != FloorOrder.Activation)
                note = $"floor order: {request.FloorOrder}";
            if (silo is not null && request.FloorRounds > 0)
                floor = await ActorFloor.MeasureAsync(silo.GrainFactory, scenario.DeviceCount, request.Shards, request.Parallelism, request.FloorRounds, request.FloorOrder, progress: FloorProgress);
        }
        catch (Exception e)
        {
            error = $"{e.GetType().Name}: {e.Message}";
            peak = ProcMemory.PeakResidentBytes();
        }
        finally
        {
            if (watcher is not null) await watcher.DisposeAsync().AsTask().ContinueWith(_ => { }, TaskScheduler.Default); // failed already: its own failure adds nothing
        }

        // Steady state: after the warm-up asked for, in ticks and in time (the JIT compiles the hot
        // loops again, optimised with what it saw, once they have run for a while: on the reference
        // engine at 100 k devices ticks 1–15, the first 0.7 s, took 2–3 times as long as later ones),
        // and after every device has had its first active tick, so no measured tick also pays first
        // activations (in the sparse model a device acts every 5–30 ticks).
        var later = from is { } first && ticks.Count >= first + measured ? ticks.Skip(first).ToArray() : Measured(ticks, request.Warmup, every);
        if (later.Length > 0 && ticks.Count - later.Length > skip)
        {
            var warm = ticks.Count - later.Length;
            var ran = ticks.Take(warm).Skip(1).Sum(x => x.Seconds);
            note ??= ran >= request.WarmupSeconds
                ? string.Create(CultureInfo.InvariantCulture, $"warm-up {warm} ticks ({request.WarmupSeconds:0.#} s)")
                : string.Create(CultureInfo.InvariantCulture, $"warm-up {warm} ticks (the limit: {ran:0.##} s of {request.WarmupSeconds:0.#} s)");
        }
        var (laterSteps, laterSeconds) = (later.Sum(x => (long)x.Active), later.Sum(x => x.Seconds));
        var markets = MarketOrder.Of(scenario).Length;
        var measurement = new Measurement(
            request.Model, Label(request), request.Gc, scenario.DeviceCount, ticks.Count, start,
            ticks.Count > 0 ? ticks[0].Seconds : 0,
            later.Length > 0 ? later.Average(x => x.Seconds) : 0,
            later.Length > 0 ? later.Average(x => x.Active) : 0,
            request.Engine == "reference" ? 0 : 1 + 2L * request.Shards + 2L * request.Shards * markets + markets,
            floor?.ActivationSeconds, floor?.CallsPerSecond, peak, error, live, note,
            laterSteps > 0 ? (double)later.Sum(x => x.Allocated) / laterSteps : null,
            laterSeconds > 0 ? later.Sum(x => x.Paused) / laterSeconds : null,
            later.Length > 0 && later.All(x => x.Calls is not null) ? later.Average(x => x.Calls!.Value) : null);
        return Print(measurement);
    }

    /// <summary>A floor round ended: said on stderr, which the parent shows as the child's progress (not a tick: it counts no device steps).</summary>
    public static void FloorProgress(int round, double seconds) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor round {round}: {seconds:F3} s"));

    /// <summary>The one line the parent reads; the exit code says whether the child failed.</summary>
    private static int Print(Measurement measurement)
    {
        Console.Out.WriteLine(ResultPrefix + JsonSerializer.Serialize(measurement));
        Console.Out.Flush();
        return measurement.Error is null ? 0 : 1;
    }

    /// <summary>The engine column: what ran, with the options that change it.</summary>
    private static string Label(ChildRequest request)
    {
        var engine = request.Engine == Dashboard ? "orleans + dashboard" : request.Engine;
        return request.DeactivateIdle > 0 && request.Engine != "reference" ? $"{engine}, deactivate-idle {request.DeactivateIdle}" : engine;
    }
}
