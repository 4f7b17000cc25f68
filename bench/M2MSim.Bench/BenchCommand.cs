using M2MSim.Bench.Measuring;
using M2MSim.Bench.Reporting;
using Spectre.Console;

namespace M2MSim.Bench;

/// <summary>
/// For each size and model: the Orleans engine (with the actor floor in the same process) under
/// each collector, the reference engine, and Orleans with the dashboard on and watched; for each
/// size, the floor alone in a silo of its own under each collector; each in a fresh child process. The files are written
/// again after every measurement, so a long run interrupted still leaves what it measured.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(BenchOptions options, IReadOnlyList<string> args)
    {
        var root = BenchModels.RepoRoot();
        var machine = MachineInfo.Current(root);
        var command = "dotnet run -c Release --project bench/M2MSim.Bench --" + string.Concat(args.Select(a => " " + a));
        var folder = options.Out ?? Path.Combine(root, "runs", $"bench-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}");
        Directory.CreateDirectory(folder);
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(command)}[/]");
        AnsiConsole.MarkupLine(Markup.Escape(machine.ToString()));

        var rows = new List<Measurement>();
        foreach (var devices in options.Devices)
        {
            foreach (var model in options.Models)
            {
                foreach (var request in Requests(options, model, devices))
                {
                    AnsiConsole.MarkupLine($"[grey]{Markup.Escape(ChildProcess.CommandOf(request))}[/]");
                    var m = await ChildProcess.RunAsync(request, TimeSpan.FromMinutes(options.TimeoutMinutes),
                        line => AnsiConsole.MarkupLine($"[grey]  {Markup.Escape(line)}[/]"));
                    rows.Add(m);
                    Write(folder, rows, machine, command);
                }
            }
        }

        // Redirected output has no width of its own; the table has 22 columns.
        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 220);
        AnsiConsole.Write(ResultTable.Console(rows));
        AnsiConsole.MarkupLine($"{Markup.Escape(machine.ToString())}\nTables: {Markup.Escape(Path.Combine(folder, "bench.md"))} and bench.csv");
        return rows.Any(r => r.Error is not null) ? 1 : 0;
    }

    private static IEnumerable<ChildRequest> Requests(BenchOptions o, string model, int devices)
    {
        foreach (var engine in o.Engines)
        {
            if (engine == FloorAlone.Engine && (model != o.Models[0] || o.FloorRounds == 0)) continue; // the floor alone has no model: once per size, if there is a floor

            // The reference loop allocates little (its steps spread over the cores, its markets and
            // metrics in one thread): the collector matters little, so it runs under the first one
            // only. The dashboard's row is compared with the Orleans row of that collector; it needs
            // no floor of its own.
            foreach (var gc in engine is "orleans" or FloorAlone.Engine ? o.Gcs : o.Gcs.Take(1))
                yield return new ChildRequest(model, engine, gc, devices, o.Ticks, o.Shards, o.Parallelism, engine == ChildRun.Dashboard ? 0 : o.FloorRounds, o.DeactivateIdle, o.Warmup, WarmupSeconds: o.WarmupSeconds);
        }
    }

    private static void Write(string folder, List<Measurement> rows, MachineInfo machine, string command)
    {
        File.WriteAllText(Path.Combine(folder, "bench.md"), ResultTable.Markdown(rows, machine, command));
        File.WriteAllText(Path.Combine(folder, "bench.csv"), ResultTable.Csv(rows, machine, command));
    }
}
