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
        RequireFinalName(folder, "run");
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

    /// <summary>
    /// Refuses the names the simulator gives folders that are not finished results (see
    /// Simulator/Results/RunFolder.cs): ".&lt;name&gt;.partial-&lt;pid&gt;" while a run is written, and
    /// "&lt;name&gt;.failed" or "&lt;name&gt;.failed-&lt;n&gt;" for a failed one.
    /// </summary>
    public static void RequireFinalName(string folder, string what)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        if (name.StartsWith('.') && name.Contains(".partial-", StringComparison.Ordinal))
            throw new ResultFileException($"{folder}: an unfinished {what} (a temporary .partial folder); wait for it to finish.");
        if (System.Text.RegularExpressions.Regex.IsMatch(name, @"\.failed(-\d+)?$"))
            throw new ResultFileException($"{folder}: a failed {what}; its manifest.json says why.");
    }

    private static readonly string[] TradeColumns =
        ["tick", "resource", "seq", "buyer", "seller", "quantity", "price", "fee", "buyer_value", "seller_cost", "rounds"];

    /// <summary>Streams trades.csv; a run written with output.trades false has none to read.</summary>
    public static IEnumerable<TradeRecord> ReadTrades(string folder)
    {
        var path = Path.Combine(folder, "trades.csv");
        if (!File.Exists(path)) throw new ResultFileException($"{path}: missing (was the run made with output.trades: false?).");
        using var reader = new StreamReader(path);
        using var csv = Open(reader, path, TradeColumns);
        while (csv.Read())
        {
            TradeRecord row;
            try
            {
                row = new TradeRecord(
                    csv.GetField<int>("tick"), csv.GetField("resource")!, csv.GetField<int>("seq"), csv.GetField<int>("buyer"),
                    csv.GetField<int>("seller"), csv.GetField<int>("quantity"), csv.GetField<decimal>("price"), csv.GetField<decimal>("fee"),
                    csv.GetField<decimal>("buyer_value"), csv.GetField<decimal>("seller_cost"), csv.GetField<int>("rounds"));
            }
            catch (CsvHelperException e)
            {
                throw new ResultFileException($"{path}:{csv.Parser.RawRow}: {e.InnerException?.Message ?? e.Message}");
            }
            yield return row;
        }
    }

    /// <summary>Each device's wealth (balance + escrow, money units) from devices.csv, in device order.</summary>
    public static IReadOnlyList<decimal> ReadWealth(string folder) => ReadDevices(folder).Select(d => d.Wealth).ToArray();

    /// <summary>devices.csv, in device order.</summary>
    public static IReadOnlyList<DeviceRecord> ReadDevices(string folder)
    {
        var path = Path.Combine(folder, "devices.csv");
        if (!File.Exists(path)) throw new ResultFileException($"{path}: missing.");
        using var reader = new StreamReader(path);
        using var csv = Open(reader, path, ["device", "type", "balance", "escrow", "surplus"]);
        var devices = new List<DeviceRecord>();
        while (csv.Read())
        {
            try
            {
                devices.Add(new DeviceRecord(csv.GetField<int>("device"), csv.GetField("type")!, csv.GetField<decimal>("balance"),
                    csv.GetField<decimal>("escrow"), csv.GetField<decimal>("surplus")));
            }
            catch (CsvHelperException e)
            {
                throw new ResultFileException($"{path}:{csv.Parser.RawRow}: {e.InnerException?.Message ?? e.Message}");
            }
        }
        return devices;
    }

    private static readonly string[] LedgerColumns = ["ledger_tx", "unconfirmed_tx", "ledger_fees_total", "reward_pool", "rewards_total"];

    public static IReadOnlyList<TickRecord> ReadTicks(string folder)
    {
        var path = Path.Combine(folder, "ticks.csv");
        if (!File.Exists(path)) throw new ResultFileException($"{path}: missing.");
        using var reader = new StreamReader(path);
        using var csv = Open(reader, path, TickColumns);
        var rows = new List<TickRecord>();
        // The ledger's columns came later: a folder written before them reads as a run without a ledger.
        var ledger = LedgerColumns.All(csv.HeaderRecord!.Contains);
        while (csv.Read())
        {
            try
            {
                rows.Add(new TickRecord(
                    csv.GetField<int>("tick"), csv.GetField("resource")!, csv.GetField<int>("trades"), csv.GetField<long>("volume"),
                    csv.GetField<decimal>("mean_price"), csv.GetField<decimal>("best_bid"), csv.GetField<decimal>("best_ask"),
                    csv.GetField<decimal>("fees"), csv.GetField<decimal>("money_supply"), csv.GetField<decimal>("fees_total"),
                    csv.GetField<double>("gini"), csv.GetField<int>("active_devices"))
                {
                    LedgerTx = ledger ? csv.GetField<long>("ledger_tx") : 0,
                    UnconfirmedTx = ledger ? csv.GetField<long>("unconfirmed_tx") : 0,
                    LedgerFeesTotal = ledger ? csv.GetField<decimal>("ledger_fees_total") : 0,
                    RewardPool = ledger ? csv.GetField<decimal>("reward_pool") : 0,
                    RewardsTotal = ledger ? csv.GetField<decimal>("rewards_total") : 0,
                });
            }
            catch (CsvHelperException e)
            {
                throw new ResultFileException($"{path}:{csv.Parser.RawRow}: {e.InnerException?.Message ?? e.Message}");
            }
        }
        return rows;
    }

    /// <summary>Opens a result file and checks its header has every column this version reads.</summary>
    private static CsvReader Open(StreamReader reader, string path, string[] columns)
    {
        var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        if (!csv.Read()) throw new ResultFileException($"{path}: empty.");
        csv.ReadHeader();
        var missing = columns.Except(csv.HeaderRecord ?? []).ToArray();
        if (missing.Length > 0) throw new ResultFileException($"{path}: missing column(s) {string.Join(", ", missing)}.");
        return csv;
    }
}
