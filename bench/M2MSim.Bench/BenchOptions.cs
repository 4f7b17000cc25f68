using System.Globalization;
using M2MSim.Bench.Measuring;
using M2MSim.Simulator.Engines;

namespace M2MSim.Bench;

/// <summary>The benchmark's command line; every option has a default, so no argument runs the 100 k table.</summary>
public sealed record BenchOptions(
    int[] Devices,
    int Ticks,
    string[] Models,
    string[] Engines,
    string[] Gcs,
    int Shards,
    int Parallelism,
    int FloorRounds,
    double TimeoutMinutes,
    string? Out,
    int DeactivateIdle = 0,
    bool Footprint = false,
    int? WarmupTicks = null,
    double WarmupSeconds = 2)
{
    public const string Usage = """
        dotnet run -c Release --project bench/M2MSim.Bench -- [options]
          --devices 100000,1000000   sizes (default 100000)
          --ticks N                  ticks per run (default 10; tick 0 includes activation)
          --warmup N                 ticks run but not measured (default 3, or all but the last of a shorter
                                     run: tick 0's activations and the JIT's tiers; at least the model's
                                     longest `every` when the run is long enough)
          --warmup-seconds 2         and warm up until the ticks after tick 0 have run this long (at
                                     most 400 ticks more), then measure as many ticks as without it
                                     (0: ticks alone)
          --models money,market,sparse
          --engines orleans,reference,dashboard,floor   (dashboard: Orleans with the dashboard on, on 127.0.0.1,
                                     fed every tick and watched by a client on its live channel; floor:
                                     Orleans alone, as many empty grains as devices, called in rounds,
                                     in a silo of its own: what one activation and one call per device
                                     cost before any device state or work; once per size, for the first model)
          --gc server,workstation    collector of the child process (DOTNET_gcServer=1 / 0); also
                                     throughput: server without dynamic adaptation, 256 MiB young
                                     generation (faster, more memory)
          --shards 1 --parallelism 512  the engine's defaults on an embedded silo; as in run, calls in
                                     flight are 512 split over the shards unless --parallelism is given
          --floor-rounds 5           warm rounds of empty calls for the actor floor (0: no floor)
          --deactivate-idle N        the engine deactivates devices idle for more than N ticks (default 0: never)
          --timeout-minutes 15       per child process; a stopped child reports the ticks it did
          --out DIR                  where bench.md and bench.csv go (default runs/bench-<UTC time>)
          --footprint                instead: bytes per device spec, device object and captured state,
                                     and bytes allocated per device step, on the reference engine (first size)
        """;

    private static readonly string[] AllEngines = ["orleans", "reference", ChildRun.Dashboard, FloorAlone.Engine];

    /// <summary>Ticks run before the measured ones: as asked, else 3 (or all but the last tick of a shorter run).</summary>
    public int Warmup => WarmupTicks ?? Math.Min(3, Ticks - 1);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var o = new BenchOptions([100_000], 10, BenchModels.All, AllEngines, ["server", "workstation"], 1, 512, 5, 15, null);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--footprint")
            {
                o = o with { Footprint = true };
                continue;
            }
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            o = args[i] switch
            {
                "--devices" => o with { Devices = value.Split(',').Select(Int).ToArray() },
                "--ticks" => o with { Ticks = Int(value) },
                "--models" => o with { Models = Choose(value, BenchModels.All) },
                "--engines" => o with { Engines = Choose(value, AllEngines) },
                "--gc" => o with { Gcs = Choose(value, ["server", "workstation", "throughput"]) },
                "--shards" => o with { Shards = Int(value) },
                "--parallelism" => o with { Parallelism = Int(value) },
                "--floor-rounds" => o with { FloorRounds = Int(value, zero: true) },
                "--deactivate-idle" => o with { DeactivateIdle = Int(value, zero: true) },
                "--warmup" => o with { WarmupTicks = Int(value) },
                "--warmup-seconds" => o with { WarmupSeconds = Seconds(value) },
                "--timeout-minutes" => o with { TimeoutMinutes = double.Parse(value, CultureInfo.InvariantCulture) },
                "--out" => o with { Out = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
            i++;
        }
        if (!args.Contains("--parallelism")) o = o with { Parallelism = OrleansEngineOptions.DefaultParallelism(o.Shards) };
        if (o.Ticks < 2) throw new ArgumentException("--ticks must be at least 2: tick 0 activates, the later ticks are the measurement.");
        if (!o.Footprint && o.Warmup >= o.Ticks) throw new ArgumentException($"--warmup ({o.Warmup}) must be less than --ticks ({o.Ticks}): the ticks after the warm-up are the measurement.");
        return o;
    }

    private static int Int(string s) => Int(s, zero: false);

    private static double Seconds(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x >= 0 && double.IsFinite(x)
        ? x
        : throw new ArgumentException($"Expected seconds (0 or more), got '{s}'.");

    private static int Int(string s, bool zero) => int.TryParse(s.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && (n > 0 || (zero && n == 0))
        ? n
        : throw new ArgumentException(zero ? $"Expected a whole number (0 or more), got '{s}'." : $"Expected a positive whole number, got '{s}'.");

    private static string[] Choose(string list, string[] allowed)
    {
        var chosen = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var c in chosen)
        {
            if (!allowed.Contains(c)) throw new ArgumentException($"'{c}' is not one of {string.Join(", ", allowed)}.");
        }
        return chosen;
    }
}
