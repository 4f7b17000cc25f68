namespace M2MSim.Analysis.Tests;

/// <summary>
/// A hand-written sweep folder in the format the sweep command writes (docs/analysis.md): two
/// parameters, the fee with two values and the car count with one, six replications; one run at
/// the second fee failed. The trades column holds <see cref="StatisticsTests.A"/> and
/// <see cref="StatisticsTests.B"/>, so the means, intervals and Welch p are known.
/// </summary>
public static class SweepFolder
{
    public const string Json = """
        {"scenario": "scenarios/quickstart.yaml", "seed": 42, "replications": 6, "engine": "reference", "trades": true,
         "vary": [{"path": "markets[0].fee", "values": ["0.01", "0.02"]}, {"path": "devices.car.count", "values": ["1000"]}],
         "overrides": [], "future_field": {"tolerated": true}}
        """;

    public const string Header = "run,point,replication,seed,markets[0].fee,devices.car.count,outcome,ticks,wall_seconds,trades,efficiency,mean_price_data";

    public static string Write(string? json = Json, string header = Header, int dropRows = 0)
    {
        var dir = Cli.NewTempDirectory();
        if (json is not null) File.WriteAllText(Path.Combine(dir, "sweep.json"), json);
        var rows = new List<string> { header };
        for (var r = 0; r < 6; r++) rows.Add($"p0-r{r},0,{r},{42 + r},0.01,1000,completed,10,0.5,{StatisticsTests.A[r]},,1.5");
        for (var r = 0; r < 6; r++)
        {
            rows.Add(r < 5
                ? $"p1-r{r},1,{r},{48 + r},0.02,1000,completed,10,0.5,{StatisticsTests.B[r]},,2.5"
                : $"p1-r{r},1,{r},{48 + r},0.02,1000,failed,3,0.1,,,");
        }
        File.WriteAllLines(Path.Combine(dir, "sweep.csv"), rows.Take(rows.Count - dropRows));
        return dir;
    }
}
