using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace M2MSim.Analysis.Results;

/// <summary>Reads a finished run folder back, refusing unfinished or malformed ones with the file's name.</summary>
public static class RunFolderReader
{
    private static readonly string[] TickColumns =
        ["tick", "resource", "trades", "volume", "mean_price", "best_bid", "best_ask", "fees", "money_supply", "fees_total", "gini", "active_devices"];

    /// <summary>Checks the folder is a completed run: a manifest that says so.</summary>
    public static void RequireCompleted(string folder)
    {
        if (!Directory.Exists(folder)) throw new ResultFileException($"{folder}: no such run folder.");
        var manifest = Path.Combine(folder, "manifest.json");
        if (!File.Exists(manifest)) throw new ResultFileException($"{manifest}: missing; the run did not finish (or this is not a run folder).");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
            var outcome = doc.RootElement.TryGetProperty("outcome", out var o) ? o.GetString() : null;
            if (outcome != "completed") throw new ResultFileException($"{manifest}: the run's outcome is '{outcome}', not 'completed'.");
        }
        catch (JsonException e)
        {
            throw new ResultFileException($"{manifest}: not valid JSON ({e.Message}).");
        }
    }

    public static IReadOnlyList<TickRecord> ReadTicks(string folder)
    {
        var path = Path.Combine(folder, "ticks.csv");
        if (!File.Exists(path)) throw new ResultFileException($"{path}: missing.");
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        if (!csv.Read()) throw new ResultFileException($"{path}: empty.");
        csv.ReadHeader();
        var missing = TickColumns.Except(csv.HeaderRecord ?? []).ToArray();
        if (missing.Length > 0) throw new ResultFileException($"{path}: missing column(s) {string.Join(", ", missing)}.");

        var rows = new List<TickRecord>();
        while (csv.Read())
        {
            try
            {
                rows.Add(new TickRecord(
                    csv.GetField<int>("tick"), csv.GetField("resource")!, csv.GetField<int>("trades"), csv.GetField<long>("volume"),
                    csv.GetField<decimal>("mean_price"), csv.GetField<decimal>("best_bid"), csv.GetField<decimal>("best_ask"),
                    csv.GetField<decimal>("fees"), csv.GetField<decimal>("money_supply"), csv.GetField<decimal>("fees_total"),
                    csv.GetField<double>("gini"), csv.GetField<int>("active_devices")));
            }
            catch (CsvHelperException e)
            {
                throw new ResultFileException($"{path}:{csv.Parser.RawRow}: {e.InnerException?.Message ?? e.Message}");
            }
        }
        return rows;
    }
}
