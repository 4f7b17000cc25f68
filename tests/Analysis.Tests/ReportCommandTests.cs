using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;

namespace M2MSim.Analysis.Tests;

public sealed class ReportCommandTests(RealRuns runs) : IClassFixture<RealRuns>
{
    private static readonly string[] EveryRunChart =
    [
        "price-compute.png", "price-bandwidth.png", "price-data.png", "volume.png", "money.png", "gini.png", "lorenz.png",
        "wealth-histogram.png", "wealth-histogram-log.png", "surplus-by-type.png", "wealth-by-type.png",
    ];

    [Fact]
    public async Task The_report_embeds_every_chart_and_writes_them_as_real_PNGs()
    {
        var output = Path.Combine(Cli.NewTempDirectory(), "report");

        var result = await Cli.Analysis("report", runs.Quickstart, "--out", output);

        Assert.Equal(0, result.ExitCode);
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        foreach (var chart in EveryRunChart)
        {
            var file = File.ReadAllBytes(Path.Combine(output, chart));
            var (width, height) = PngSize(file);
            Assert.Equal((1000, 520), (width, height));
            Assert.True(file.Length > 10_000, $"{chart} is only {file.Length} bytes");
            var embedded = Regex.Match(html, $"<figure id=\"{Regex.Escape(chart)}\"><img alt=\"[^\"]*\" src=\"data:image/png;base64,([^\"]+)\"");
            Assert.True(embedded.Success, $"{chart} is not embedded");
            Assert.Equal(file, Convert.FromBase64String(embedded.Groups[1].Value));
        }
        // Self-contained: nothing is fetched from anywhere.
        Assert.DoesNotContain("http:", html);
        Assert.DoesNotContain("https:", html);
        Assert.Empty(Regex.Matches(html, "src=\"(?!data:)"));
        // No trading periods without an equilibrium.
        Assert.False(File.Exists(Path.Combine(output, "efficiency.png")));
    }

    [Fact]
    public async Task A_run_on_a_ledger_gets_the_ledger_chart_and_a_run_without_does_not()
    {
        var output = Path.Combine(Cli.NewTempDirectory(), "report");
        var result = await Cli.Analysis("report", runs.Chain, "--out", output);
        Assert.Equal(0, result.ExitCode);
        var (width, height) = PngSize(File.ReadAllBytes(Path.Combine(output, "ledger.png")));
        Assert.Equal((1000, 520), (width, height));
        Assert.Contains("<figure id=\"ledger.png\">", File.ReadAllText(Path.Combine(output, "report.html")));

        var plain = Path.Combine(Cli.NewTempDirectory(), "report");
        Assert.Equal(0, (await Cli.Analysis("report", runs.Quickstart, "--out", plain)).ExitCode);
        Assert.False(File.Exists(Path.Combine(plain, "ledger.png")));
    }

    [Fact]
    public async Task Headline_numbers_are_the_CSV_values()
    {
        var output = Path.Combine(Cli.NewTempDirectory(), "r");

        Assert.Equal(0, (await Cli.Analysis("report", runs.Quickstart, "--out", output)).ExitCode);

        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        var ticks = CompareCommandTests.Csv(Path.Combine(runs.Quickstart, "ticks.csv"));
        var trades = ticks.Sum(r => long.Parse(r["trades"], CultureInfo.InvariantCulture));
        var volume = ticks.Sum(r => long.Parse(r["volume"], CultureInfo.InvariantCulture));
        Assert.Contains($"<td>trades</td><td>{trades.ToString("N0", CultureInfo.InvariantCulture)}</td>", html);
        Assert.Contains($"<td>volume (units)</td><td>{volume.ToString("N0", CultureInfo.InvariantCulture)}</td>", html);
        Assert.Contains($"<td>fees collected</td><td>{ticks[^1]["fees_total"]}</td>", html);
        Assert.Contains($"<td>final money supply</td><td>{ticks[^1]["money_supply"]}</td>", html);
        Assert.Contains($"<td>Gini first → last</td><td>{Trim(ticks[0]["gini"])} → {Trim(ticks[^1]["gini"])}</td>", html);
        Assert.Contains("<td>engine</td><td>reference</td>", html);
        Assert.Contains("<td>ticks</td><td>5</td>", html);
        Assert.Contains("<td>devices</td><td>3,970</td>", html);
        Assert.Equal(6, Regex.Matches(Regex.Match(html, "<table id=\"types\">.*?</table>", RegexOptions.Singleline).Value, "<tr><td>").Count);
        Assert.Contains("KS p-value", html);
    }

    [Fact]
    public async Task A_run_with_an_equilibrium_reports_efficiency_per_period_from_trades_csv()
    {
        var output = Path.Combine(Cli.NewTempDirectory(), "r");

        Assert.Equal(0, (await Cli.Analysis("report", runs.GodeSunder, "--out", output)).ExitCode);

        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.True(File.Exists(Path.Combine(output, "efficiency.png")));
        Assert.True(File.Exists(Path.Combine(output, "alpha.png")));
        Assert.Contains("<figure id=\"efficiency.png\">", html);
        // Period 0 is ticks 0–29 (30 ticks a period); max surplus 1224 per period (manifest).
        var surplus = CompareCommandTests.Csv(Path.Combine(runs.GodeSunder, "trades.csv"))
            .Where(r => int.Parse(r["tick"], CultureInfo.InvariantCulture) < 30)
            .Sum(r => int.Parse(r["quantity"], CultureInfo.InvariantCulture) *
                (decimal.Parse(r["buyer_value"], CultureInfo.InvariantCulture) - decimal.Parse(r["seller_cost"], CultureInfo.InvariantCulture)));
        var efficiency = ((double)(surplus / 1224m) * 100).ToString("F1", CultureInfo.InvariantCulture);
        Assert.Matches($"<tr><td>data</td><td>0</td>.*<td>{Regex.Escape(surplus.ToString(CultureInfo.InvariantCulture))}</td><td>1224</td><td>{Regex.Escape(efficiency)} %</td>", html);
    }

    [Theory]
    [InlineData("partial", "unfinished run")]
    [InlineData("failed", "'failed'")]
    [InlineData("no-devices", "devices.csv: missing")]
    [InlineData("bad-ticks", "ticks.csv: missing column(s)")]
    public async Task Bad_run_folders_exit_2_naming_the_file_and_write_nothing(string fault, string message)
    {
        var folder = Copy(runs.Quickstart, fault == "partial" ? ".quickstart.partial-4242" : "quickstart");
        switch (fault)
        {
            case "failed":
                File.WriteAllText(Path.Combine(folder, "manifest.json"), File.ReadAllText(Path.Combine(folder, "manifest.json")).Replace("\"completed\"", "\"failed\""));
                break;
            case "no-devices":
                File.Delete(Path.Combine(folder, "devices.csv"));
                break;
            case "bad-ticks":
                File.WriteAllText(Path.Combine(folder, "ticks.csv"), "tick,market,price\n0,data,1\n");
                break;
        }

        var result = await Cli.Analysis("report", folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal([folder], Directory.GetDirectories(Path.GetDirectoryName(folder)!));
        Assert.False(Directory.Exists(Path.Combine(folder, "report")));
    }

    private static string Trim(string gini) => double.Parse(gini, CultureInfo.InvariantCulture).ToString("G6", CultureInfo.InvariantCulture);

    private static string Copy(string run, string name)
    {
        var target = Path.Combine(Cli.NewTempDirectory(), name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(run)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }

    /// <summary>Checks the PNG signature and reads the IHDR chunk's width and height.</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
