using System.Globalization;

namespace M2MSim.Simulator.Tests;

/// <summary>
/// scenarios/settlement-comparison.yaml, swept across the three ledgers as its header says, gives the
/// outcome the header promises: a fee-based chain prices the small devices' trades out, feeless does not.
/// </summary>
public sealed class SettlementComparisonTests
{
    private static readonly string Scenario = Path.Combine(Cli.RepoRoot, "scenarios", "settlement-comparison.yaml");

    [Fact]
    public async Task A_fee_based_chain_cuts_the_small_devices_trades_and_feeless_settlement_keeps_them()
    {
        var work = Cli.NewTempDirectory();
        var sweep = await Cli.Run(work, "sweep", Scenario, "--vary", "ledger.kind=direct,feeless,chain", "--replications", "1", "--out", "sweep");
        Assert.True(sweep.ExitCode == 0, sweep.Stdout + sweep.Stderr);

        var (_, runs) = CsvTable.Read(Path.Combine(work, "sweep", "sweep.csv"));
        var byLedger = runs.ToDictionary(r => r["ledger.kind"], r => Path.Combine(work, "sweep", "runs", r["run"]));
        var direct = Trades(byLedger["direct"]);
        var feeless = Trades(byLedger["feeless"]);
        var chain = Trades(byLedger["chain"]);

        Assert.True(chain.Meter < 0.75 * feeless.Meter, $"smart meters' trades: {chain.Meter} on the chain, {feeless.Meter} feeless");
        Assert.True(feeless.Meter >= 0.95 * direct.Meter, $"smart meters' trades: {feeless.Meter} feeless, {direct.Meter} direct");
        Assert.True(chain.OtherUnits > 0.85 * direct.OtherUnits, $"other devices' units: {chain.OtherUnits} on the chain, {direct.OtherUnits} direct");

        // The chain's fees went to the reward pool and on to the devices that validate; the feeless
        // ledger charged proof of work instead; the direct ledger neither. Money was conserved with
        // the pool and the rewards counted, at every tick.
        var chainTicks = Ticks(byLedger["chain"]);
        var fees = Last(chainTicks, "ledger_fees_total");
        Assert.True(fees > 0);
        Assert.Equal(fees, Last(chainTicks, "reward_pool") + Last(chainTicks, "rewards_total"));
        Assert.True(Last(Ticks(byLedger["feeless"]), "pow_total") > 0);
        Assert.Equal(0m, Last(Ticks(byLedger["direct"]), "ledger_fees_total"));
        // The chain's blocks overflow: payments wait several ticks' worth, not only the delay's one tick.
        int Unconfirmed(Dictionary<string, string> r) => int.Parse(r["unconfirmed_tx"], CultureInfo.InvariantCulture);
        int Submitted(Dictionary<string, string> r) => int.Parse(r["ledger_tx"], CultureInfo.InvariantCulture);
        Assert.Contains(chainTicks, r => Unconfirmed(r) > 3 * Submitted(r));
        Assert.DoesNotContain(Ticks(byLedger["feeless"]).Skip(3), r => Unconfirmed(r) > 1.5 * Submitted(r));
        foreach (var run in byLedger.Values)
        {
            var supply = Ticks(run).Select(r => new[] { "money_supply", "in_flight", "fees_total", "reward_pool" }.Sum(c => Number(r, c))).Distinct();
            Assert.Single(supply);
        }
    }

    /// <summary>Trades with a smart meter on either side, and units traded between the other devices.</summary>
    private static (int Meter, long OtherUnits) Trades(string run)
    {
        var (_, devices) = CsvTable.Read(Path.Combine(run, "devices.csv"));
        var type = devices.ToDictionary(d => d["device"], d => d["type"]);
        var (_, trades) = CsvTable.Read(Path.Combine(run, "trades.csv"));
        var meter = trades.Where(t => type[t["buyer"]] == "smart-meter" || type[t["seller"]] == "smart-meter").ToArray();
        var others = trades.Except(meter).Sum(t => long.Parse(t["quantity"], CultureInfo.InvariantCulture));
        return (meter.Length, others);
    }

    private static List<Dictionary<string, string>> Ticks(string run) => CsvTable.Read(Path.Combine(run, "ticks.csv")).Rows;

    private static decimal Number(Dictionary<string, string> row, string column) => decimal.Parse(row[column], CultureInfo.InvariantCulture);

    private static decimal Last(List<Dictionary<string, string>> ticks, string column) => Number(ticks[^1], column);
}
