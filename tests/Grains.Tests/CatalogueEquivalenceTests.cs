using System.Globalization;
using System.Text;
using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Grains.Tests;

/// <summary>
/// Water purifiers whose cartridges wear out, service centres selling replacement visits, data owners
/// withholding part of their data (docs/devices.md): the grains write exactly the reference engine's files.
/// </summary>
public sealed class CatalogueEquivalenceTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Theory]
    [InlineData(1, "call")]
    [InlineData(3, "cda")]
    [InlineData(5, "posted")]
    [InlineData(3, "tender")]
    public async Task Purifiers_and_service_centres_give_the_reference_files_on_the_grains(int shards, string serviceMechanism)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(Repository.Root, "scenarios", "water-purifiers.yaml"),
            ["ticks=70", "devices.water-purifier.count=120", $"markets[1].mechanism={serviceMechanism}", "devices.data-buyer.count=3",
                // Few centres and a fleet of new parts that wear out in step: some purifiers must wait.
                "devices.service-centre.count=2", "devices.water-purifier.wear.start=new"]);
        var (reference, _) = await RunFiles.AssertEnginesAgree(scenario, fixture.Grains, shards, minTrades: 50);

        // The run did what it is about: parts were replaced, some devices stood idle, data was withheld.
        var rows = Encoding.UTF8.GetString(RunFiles.Read(reference)["devices.csv"]).Split('\n').Where(l => l != "").ToArray();
        var header = rows[0].Split(',');
        long Sum(string column) => rows.Skip(1).Sum(l => long.Parse(l.Split(',')[Array.IndexOf(header, column)], CultureInfo.InvariantCulture));
        Assert.True(Sum("replacements") > 0, "parts should be replaced");
        Assert.Equal(Sum("replacements"), Sum("bought_service"));
        Assert.Equal(Sum("bought_service"), Sum("sold_service"));
        Assert.True(Sum("downtime") > 0, "service visits are scarce, so some purifiers stand idle");
        Assert.True(Sum("withheld_data") > 0, "purifiers keep half their data");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task The_smart_city_with_every_device_type_market_and_a_feeless_ledger_gives_the_reference_files_on_the_grains(int shards)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(Repository.Root, "scenarios", "smart-city.yaml"),
        [
            "ticks=40", "devices.edge-server.count=6", "devices.gateway.count=10", "devices.car.count=80", "devices.smart-meter.count=200",
            "devices.industrial-machine.count=15", "devices.water-purifier.count=40", "devices.service-centre.count=2", "devices.data-buyer.count=2",
            "output.trades=true",
        ]);
        await RunFiles.AssertEnginesAgree(scenario, fixture.Grains, shards, minTrades: 500);
    }
}
