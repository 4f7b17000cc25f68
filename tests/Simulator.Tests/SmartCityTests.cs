using System.Globalization;

namespace M2MSim.Simulator.Tests;

/// <summary>scenarios/smart-city.yaml, every device type in every market on a feeless ledger, gives the outcome its header promises.</summary>
public sealed class SmartCityTests
{
    private static readonly string Scenario = Path.Combine(Cli.RepoRoot, "scenarios", "smart-city.yaml");

    [Fact]
    public async Task Every_device_type_trades_no_purifier_runs_out_and_money_is_conserved_with_the_pool()
    {
        var work = Cli.NewTempDirectory();
        var run = await Cli.Run(work, "run", Scenario, "--out", "city", "--no-dashboard");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);

        var (_, devices) = CsvTable.Read(Path.Combine(work, "city", "devices.csv"));
        decimal Sum(string type, string column) => devices.Where(d => d["type"] == type).Sum(d => decimal.Parse(d[column], CultureInfo.InvariantCulture));

        Assert.True(Sum("edge-server", "sold_compute") > 0);
        Assert.True(Sum("gateway", "sold_bandwidth") > 0);
        foreach (var buyer in new[] { "car", "industrial-machine" })
        {
            Assert.True(Sum(buyer, "bought_compute") > 0, buyer);
            Assert.True(Sum(buyer, "bought_bandwidth") > 0, buyer);
        }
        Assert.True(Sum("smart-meter", "bought_bandwidth") > 0);
        foreach (var seller in new[] { "car", "smart-meter", "industrial-machine", "water-purifier" })
            Assert.True(Sum(seller, "sold_data") > 0, seller);
        Assert.True(Sum("data-buyer", "bought_data") > 0);
        Assert.True(Sum("service-centre", "sold_service") > 0);

        // Purifiers order their own cartridges in time, and pay for them.
        Assert.Equal(0m, Sum("water-purifier", "downtime"));
        Assert.True(Sum("water-purifier", "replacements") >= 300);
        Assert.Equal(Sum("water-purifier", "replacements"), Sum("water-purifier", "bought_service"));

        // Edge servers earn twice: from the compute they sell and, for the rest, from the reward pool.
        Assert.True(Sum("edge-server", "committed_compute") > 0);
        Assert.True(Sum("edge-server", "rewards") > 0);
        Assert.Equal(0m, devices.Where(d => d["type"] != "edge-server").Sum(d => decimal.Parse(d["rewards"], CultureInfo.InvariantCulture)));
        // Only a device that failed for good can end with payments pending, and only meters fail here.
        Assert.Equal(0m, devices.Where(d => d["type"] != "smart-meter").Sum(d => decimal.Parse(d["pending"], CultureInfo.InvariantCulture)));

        var (_, ticks) = CsvTable.Read(Path.Combine(work, "city", "ticks.csv"));
        Assert.True(ticks.Average(r => int.Parse(r["offline_devices"], CultureInfo.InvariantCulture)) > 100, "cars and meters drop off the network");
        Assert.True(ticks.Max(r => int.Parse(r["unconfirmed_tx"], CultureInfo.InvariantCulture)) > 0);
        Assert.True(decimal.Parse(ticks[^1]["pow_total"], CultureInfo.InvariantCulture) > 0);
        Assert.Single(ticks.Select(r => new[] { "money_supply", "in_flight", "fees_total", "reward_pool" }.Sum(c => decimal.Parse(r[c], CultureInfo.InvariantCulture))).Distinct());
        Assert.Equal(4, ticks.Select(r => r["resource"]).Distinct().Count());
    }

    [Fact]
    public async Task Validate_says_which_keys_the_catalogue_filled_and_how_payments_settle()
    {
        var result = await Cli.Run(Cli.NewTempDirectory(), "validate", Scenario);
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        // Console lines wrap at its width: read the output as one line.
        var text = System.Text.RegularExpressions.Regex.Replace(result.Stdout, @"[\s│]+", " ");
        Assert.Contains("from the catalogue", text);
        Assert.Contains("edge-server 60 fixed-margin 1 strategy, wallet, produces, costs", text);
        // The purifiers give strategy, wallet and wear; their data policy is the catalogue's. Nothing else has a wear profile.
        Assert.Contains("water-purifier 300 truthful 1", text);
        Assert.Contains("data_policy", text);
        Assert.DoesNotContain("wear", text);
        Assert.Contains("feeless ledger (proof of work 1 compute a transaction, spendable 2 ticks later)", text);
        Assert.Contains("reward pool of 2000", text);
    }
}
