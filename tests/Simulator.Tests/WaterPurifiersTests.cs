using System.Globalization;

namespace M2MSim.Simulator.Tests;

/// <summary>scenarios/water-purifiers.yaml gives the outcome its header promises: ample service keeps every purifier running, scarce service does not.</summary>
public sealed class WaterPurifiersTests
{
    private static readonly string Scenario = Path.Combine(Cli.RepoRoot, "scenarios", "water-purifiers.yaml");

    [Fact]
    public async Task With_ample_service_no_purifier_runs_out_and_with_scarce_service_most_stand_idle()
    {
        var work = Cli.NewTempDirectory();
        var ample = await Cli.Run(work, "run", Scenario, "--out", "ample", "--no-dashboard");
        var scarce = await Cli.Run(work, "run", Scenario, "--out", "scarce", "--no-dashboard", "--set", "devices.service-centre.count=2");
        Assert.True(ample.ExitCode == 0, ample.Stdout + ample.Stderr);
        Assert.True(scarce.ExitCode == 0, scarce.Stdout + scarce.Stderr);

        var (_, devices) = CsvTable.Read(Path.Combine(work, "ample", "devices.csv"));
        var purifiers = devices.Where(d => d["type"] == "water-purifier").ToArray();
        Assert.Equal(400, purifiers.Length);
        Assert.All(purifiers, p => Assert.Equal(0, Int(p, "downtime")));
        // Every purifier really wore its cartridge out and replaced it, paying for each replacement.
        Assert.All(purifiers, p => Assert.InRange(Int(p, "replacements"), 3, 6));
        Assert.All(purifiers, p => Assert.Equal(Int(p, "replacements"), Int(p, "bought_service")));
        // Half the readings offered, half kept private.
        Assert.All(purifiers, p => Assert.Equal(60, Int(p, "withheld_data")));

        var (_, scarceDevices) = CsvTable.Read(Path.Combine(work, "scarce", "devices.csv"));
        var idle = scarceDevices.Where(d => d["type"] == "water-purifier").ToArray();
        Assert.True(idle.Count(p => Int(p, "downtime") > 0) > 300, "most purifiers should stand idle for a while when service is scarce");
        Assert.True(idle.Sum(p => Int(p, "replacements")) < 0.6 * purifiers.Sum(p => Int(p, "replacements")));
        Assert.True(SurplusPerVisit(scarceDevices) > 3 * SurplusPerVisit(devices), "scarce visits should earn the centres more each");
    }

    private static long Int(Dictionary<string, string> row, string column) => long.Parse(row[column], CultureInfo.InvariantCulture);

    private static decimal SurplusPerVisit(List<Dictionary<string, string>> devices)
    {
        var centres = devices.Where(d => d["type"] == "service-centre").ToArray();
        return centres.Sum(c => decimal.Parse(c["surplus"], CultureInfo.InvariantCulture)) / centres.Sum(c => Int(c, "sold_service"));
    }
}
