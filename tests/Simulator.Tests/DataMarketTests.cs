using System.Globalization;

namespace M2MSim.Simulator.Tests;

/// <summary>scenarios/data-market.yaml gives the outcome its header promises: owners' data policies raise the price of data and the sellers' share of its value.</summary>
public sealed class DataMarketTests
{
    private static readonly string Scenario = Path.Combine(Cli.RepoRoot, "scenarios", "data-market.yaml");
    private static readonly string[] Buyers = ["data-buyer", "city-office"];

    [Fact]
    public async Task Owners_policies_keep_data_scarce_and_dear_and_selling_everything_hands_the_value_to_the_buyers()
    {
        var work = Cli.NewTempDirectory();
        var policies = await Cli.Run(work, "run", Scenario, "--out", "policies", "--no-dashboard");
        var open = await Cli.Run(work, "run", Scenario, "--out", "open", "--no-dashboard",
            "--set", "devices.car.data_policy={share: 1}", "--set", "devices.industrial-machine.data_policy={share: 1}");
        Assert.True(policies.ExitCode == 0, policies.Stdout + policies.Stderr);
        Assert.True(open.ExitCode == 0, open.Stdout + open.Stderr);

        var kept = Market(Path.Combine(work, "policies"));
        var all = Market(Path.Combine(work, "open"));
        Assert.True(kept.Units < all.Units, $"points sold: {kept.Units} with policies, {all.Units} without");
        Assert.True(kept.MeanPrice > 1.15m * all.MeanPrice, $"mean price {kept.MeanPrice} with policies, {all.MeanPrice} without");
        Assert.True(kept.SellerShare > 1.5m * all.SellerShare, $"sellers' share of the surplus {kept.SellerShare:P0} with policies, {all.SellerShare:P0} without");
        Assert.True(all.SellerShare < 0.5m, "selling everything, the buyers take most of the surplus");

        // The policies as written: car owners withhold half, machine owners four fifths and ask so
        // much that they sell nothing, meter owners sell everything.
        var (_, devices) = CsvTable.Read(Path.Combine(work, "policies", "devices.csv"));
        Assert.All(devices.Where(d => d["type"] == "industrial-machine"), d => Assert.Equal(0, Int(d, "sold_data")));
        Assert.All(devices.Where(d => d["type"] == "industrial-machine"), d => Assert.Equal(400, Int(d, "withheld_data")));
        Assert.All(devices.Where(d => d["type"] == "smart-meter"), d => Assert.Equal(0, Int(d, "withheld_data")));
        Assert.All(devices.Where(d => d["type"] == "car"), d => Assert.Equal(75, Int(d, "withheld_data")));
        var (_, trades) = CsvTable.Read(Path.Combine(work, "policies", "trades.csv"));
        var cars = devices.Where(d => d["type"] == "car").Select(d => d["device"]).ToHashSet();
        Assert.All(trades.Where(t => cars.Contains(t["seller"])), t => Assert.True(Money(t, "price") >= 0.6m));
    }

    /// <summary>Units sold, their mean price, and the sellers' share of the trading surplus.</summary>
    private static (long Units, decimal MeanPrice, decimal SellerShare) Market(string run)
    {
        var (_, trades) = CsvTable.Read(Path.Combine(run, "trades.csv"));
        var (_, devices) = CsvTable.Read(Path.Combine(run, "devices.csv"));
        var units = trades.Sum(t => Int(t, "quantity"));
        var value = trades.Sum(t => Money(t, "price") * Int(t, "quantity"));
        var buyers = devices.Where(d => Buyers.Contains(d["type"])).Sum(d => Money(d, "surplus"));
        var sellers = devices.Where(d => !Buyers.Contains(d["type"])).Sum(d => Money(d, "surplus"));
        return (units, value / units, sellers / (buyers + sellers));
    }

    private static long Int(Dictionary<string, string> row, string column) => long.Parse(row[column], CultureInfo.InvariantCulture);

    private static decimal Money(Dictionary<string, string> row, string column) => decimal.Parse(row[column], CultureInfo.InvariantCulture);
}
