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
    public async Task Purifiers_and_service_centres_give_the_reference_files_on_the_grains(int shards, string serviceMechanism)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(Repository.Root, "scenarios", "water-purifiers.yaml"),
            ["ticks=70", "devices.water-purifier.count=120", $"markets[1].mechanism={serviceMechanism}", "devices.data-buyer.count=3"]);
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
}
