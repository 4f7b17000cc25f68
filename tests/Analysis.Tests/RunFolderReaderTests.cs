using M2MSim.Analysis.Results;
using M2MSim.Analysis.Metrics;

namespace M2MSim.Analysis.Tests;

public sealed class RunFolderReaderTests
{
    private const string Header = "tick,resource,trades,volume,mean_price,best_bid,best_ask,fees,money_supply,fees_total,gini,active_devices";

    [Fact]
    public void Summary_weights_prices_by_volume_and_ignores_ticks_without_trades()
    {
        var folder = Folder(
            "0,data,2,10,1.000000,0.9,1.1,0.1,100.000000,0.000000,0.250000,5",
            "1,data,1,30,2.000000,0.9,1.1,0.3,99.900000,0.100000,0.260000,5",
            "2,data,0,0,0.000000,0.0,0.0,0.0,99.600000,0.400000,0.270000,2",
            "0,compute,1,4,0.500000,0,0,0,100.000000,0.000000,0.250000,5");

        var ticks = RunFolderReader.ReadTicks(folder);
        var data = MarketSummary.Of(ticks).Single(m => m.Resource == "data");

        Assert.Equal(4, ticks.Count);
        Assert.Equal(3, data.Trades);
        Assert.Equal(40, data.Volume);
        Assert.Equal((10 * 1.0 + 30 * 2.0) / 40, data.MeanPrice, 12);
        Assert.Equal(Math.Sqrt(0.5), data.PriceStdDev, 12); // sample sd of {1, 2}
        Assert.Equal(1.0, data.MinPrice);
        Assert.Equal(2.0, data.MaxPrice);
    }

    [Fact]
    public void Unfinished_or_malformed_folders_are_refused_naming_the_file()
    {
        var noManifest = WithManifest(null, "0,data,0,0,0,0,0,0,1,0,0,1");
        var failed = WithManifest("""{"outcome": "failed"}""", "0,data,0,0,0,0,0,0,1,0,0,1");
        var badColumns = Path.Combine(Folder("x"), "");
        File.WriteAllText(Path.Combine(badColumns, "ticks.csv"), "tick,resource\n0,data\n");
        var badValue = Folder("zero,data,0,0,0,0,0,0,1,0,0,1");

        Assert.Contains("manifest.json: missing", Assert.Throws<ResultFileException>(() => RunFolderReader.RequireCompleted(noManifest)).Message);
        Assert.Contains("'failed'", Assert.Throws<ResultFileException>(() => RunFolderReader.RequireCompleted(failed)).Message);
        Assert.Contains("ticks.csv: missing column(s) trades", Assert.Throws<ResultFileException>(() => RunFolderReader.ReadTicks(badColumns)).Message);
        Assert.Contains("ticks.csv:2", Assert.Throws<ResultFileException>(() => RunFolderReader.ReadTicks(badValue)).Message);
    }

    private static string Folder(params string[] rows) => WithManifest("""{"outcome": "completed"}""", rows);

    private static string WithManifest(string? manifest, params string[] rows)
    {
        var dir = Path.Combine(Path.GetTempPath(), "m2msim-analysis-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        if (manifest is not null) File.WriteAllText(Path.Combine(dir, "manifest.json"), manifest);
        File.WriteAllText(Path.Combine(dir, "ticks.csv"), Header + "\n" + string.Join("\n", rows) + "\n");
        return dir;
    }
}
