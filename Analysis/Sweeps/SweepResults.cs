using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using M2MSim.Analysis.Results;

namespace M2MSim.Analysis.Sweeps;

/// <summary>
/// A finished sweep folder: sweep.json and every row of sweep.csv. Refuses, naming the file, a
/// folder that is missing either file, a sweep.csv without the columns its sweep.json implies, a
/// row with an unknown setting or an unreadable number, and a sweep that has fewer rows than
/// grid points × replications (it did not finish).
/// </summary>
public sealed record SweepResults(string Folder, SweepDefinition Definition, IReadOnlyList<string> MetricNames, IReadOnlyList<SweepRun> Runs)
{
    private static readonly string[] Leading = ["run", "point", "replication", "seed"];
    private static readonly string[] Trailing = ["outcome", "ticks", "wall_seconds"];

    public static SweepResults Read(string folder)
    {
        if (!Directory.Exists(folder)) throw new ResultFileException($"{folder}: no such sweep folder.");
        RunFolderReader.RequireFinalName(folder, "sweep");
        var definition = SweepDefinition.Read(folder);
        var path = Path.Combine(folder, "sweep.csv");
        if (!File.Exists(path)) throw new ResultFileException($"{path}: missing; the sweep did not finish (or this is not a sweep folder).");

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        if (!csv.Read()) throw new ResultFileException($"{path}: empty.");
        csv.ReadHeader();
        var header = csv.HeaderRecord ?? [];
        var required = Leading.Concat(definition.Parameters.Select(p => p.Path)).Concat(Trailing).ToArray();
        var missing = required.Except(header).ToArray();
        if (missing.Length > 0) throw new ResultFileException($"{path}: missing column(s) {string.Join(", ", missing)}.");
        // Every column after wall_seconds is a metric (docs/analysis.md).
        var metrics = header.Skip(Array.IndexOf(header, "wall_seconds") + 1).ToArray();
        if (metrics.Length == 0) throw new ResultFileException($"{path}: no metric columns after wall_seconds.");

        var runs = new List<SweepRun>();
        while (csv.Read()) runs.Add(Row(csv, path, definition, metrics));

        var expected = definition.Points * definition.Replications;
        if (runs.Count < expected)
            throw new ResultFileException($"{path}: {runs.Count} of {expected} runs (grid points × replications); the sweep did not finish.");
        return new SweepResults(folder, definition, metrics, runs);
    }

    private static SweepRun Row(CsvReader csv, string path, SweepDefinition definition, string[] metrics)
    {
        var line = csv.Parser.RawRow;
        try
        {
            var settings = new Dictionary<string, string>();
            foreach (var p in definition.Parameters)
            {
                var value = csv.GetField(p.Path) ?? "";
                if (!p.Values.Contains(value))
                    throw new ResultFileException($"{path}:{line}: {p.Path} = '{value}' is not one of the values in sweep.json ({string.Join(", ", p.Values)}).");
                settings[p.Path] = value;
            }
            var outcome = csv.GetField("outcome");
            if (outcome is not ("completed" or "failed"))
                throw new ResultFileException($"{path}:{line}: outcome '{outcome}' is neither 'completed' nor 'failed'.");
            var values = new Dictionary<string, double?>();
            foreach (var m in metrics)
            {
                var text = csv.GetField(m);
                if (string.IsNullOrWhiteSpace(text)) values[m] = null;
                else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) values[m] = v;
                else throw new ResultFileException($"{path}:{line}: {m} = '{text}' is not a number.");
            }
            return new SweepRun(csv.GetField("run") ?? "", csv.GetField("point") ?? "", csv.GetField<int>("replication"), settings, outcome == "completed", values);
        }
        catch (CsvHelperException e)
        {
            throw new ResultFileException($"{path}:{line}: {e.InnerException?.Message ?? e.Message}");
        }
    }
}
