using CsvHelper;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Metrics;
using M2MSim.Economy.Resources;
using static M2MSim.Economy.Money.Micros;
using static M2MSim.Simulator.Results.CsvFiles;

namespace M2MSim.Simulator.Results;

/// <summary>
/// Writes ticks.csv and trades.csv as the ticks come, and devices.csv at the end. The columns are
/// documented in docs/output.md; money is printed as exact decimal units.
/// </summary>
public sealed class ResultWriter : IAsyncDisposable
{
    public static readonly string[] TickColumns =
        ["tick", "resource", "trades", "volume", "mean_price", "best_bid", "best_ask", "fees", "money_supply", "fees_total", "gini", "active_devices", "in_flight", "offline_devices", "lost_messages",
         "ledger_tx", "unconfirmed_tx", "ledger_fees_total", "pow_total", "reward_pool", "rewards_total"];

    public static readonly string[] TradeColumns = ["tick", "resource", "seq", "buyer", "seller", "quantity", "price", "fee", "buyer_value", "seller_cost", "rounds"];

    public static readonly string[] DeviceColumns =
    [
        "device", "type", "strategy", "balance", "escrow",
        .. Resources.All.Select(r => $"inventory_{r.Name()}"),
        .. Resources.All.Select(r => $"bought_{r.Name()}"),
        .. Resources.All.Select(r => $"sold_{r.Name()}"),
        "surplus", "downtime", "replacements", "withheld_data", "committed_compute", "rewards", "ledger_fees", "pending",
    ];

    private readonly string _folder;
    private readonly CsvWriter _ticks;
    private readonly CsvWriter? _trades;

    public ResultWriter(string folder, bool trades)
    {
        _folder = folder;
        _ticks = Create(TicksPath, TickColumns);
        _trades = trades ? Create(TradesPath, TradeColumns) : null;
    }

    /// <summary>Goes on writing a run's files from a checkpoint: each is cut back to its length then.</summary>
    public ResultWriter(string folder, bool trades, long ticksBytes, long tradesBytes)
    {
        _folder = folder;
        _ticks = Reopen(TicksPath, ticksBytes);
        _trades = trades ? Reopen(TradesPath, tradesBytes) : null;
    }

    /// <summary>The files' lengths and last lines once everything written is flushed: a checkpoint records them.</summary>
    public (long Ticks, long Trades, string TicksTail, string TradesTail) Flush()
    {
        _ticks.Flush();
        _trades?.Flush();
        var ticks = new FileInfo(TicksPath).Length;
        var trades = _trades is null ? 0 : new FileInfo(TradesPath).Length;
        return (ticks, trades, LastLine(TicksPath, ticks), _trades is null ? "" : LastLine(TradesPath, trades));
    }

    public static string TicksFile(string folder) => Path.Combine(folder, "ticks.csv");

    public static string TradesFile(string folder) => Path.Combine(folder, "trades.csv");

    private string TicksPath => TicksFile(_folder);

    private string TradesPath => TradesFile(_folder);

    public void Write(TickReport report)
    {
        foreach (var r in report.Rows)
        {
            _ticks.Row(Int(r.Tick), r.Resource.Name(), Int(r.Trades), Int(r.Volume), Format(r.MeanPrice), Format(r.BestBid), Format(r.BestAsk),
                Format(r.Fees), Format(r.MoneySupply), Format(r.FeesTotal), Ratio(r.Gini), Int(r.ActiveDevices), Format(r.InFlight), Int(r.OfflineDevices), Int(r.LostMessages),
                Int(r.Ledger.Transactions), Int(r.Ledger.Unconfirmed), Format(r.Ledger.FeesTotal), Int(r.Ledger.PowTotal), Format(r.Ledger.Pool), Format(r.Ledger.RewardsTotal));
        }
        // One flush per tick: a researcher can follow ticks.csv while the run goes on.
        _ticks.Flush();
        if (_trades is null) return;
        foreach (var t in report.Trades)
        {
            _trades.Row(Int(t.Tick), t.Resource.Name(), Int(t.Sequence), Int(t.Buyer), Int(t.Seller), Int(t.Quantity), Format(t.Price), Format(t.Fee),
                Format(t.BuyerValue), Format(t.SellerCost), Int(t.Rounds));
        }
    }

    public async Task WriteDevicesAsync(IAsyncEnumerable<DeviceSnapshot> devices, CancellationToken cancellationToken)
    {
        await using var csv = Create(Path.Combine(_folder, "devices.csv"), DeviceColumns);
        await foreach (var d in devices.WithCancellation(cancellationToken))
        {
            csv.Row([
                Int(d.Id), d.Type, d.Strategy, Format(d.Balance), Format(d.Escrow),
                .. d.Inventory.Select(Int), .. d.Bought.Select(Int), .. d.Sold.Select(Int),
                Format(d.Surplus), Int(d.Downtime), Int(d.Replacements), Int(d.WithheldData),
                Int(d.Committed), Format(d.Rewards), Format(d.LedgerFees), Format(d.Pending),
            ]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _ticks.DisposeAsync();
        if (_trades is not null) await _trades.DisposeAsync();
    }
}
