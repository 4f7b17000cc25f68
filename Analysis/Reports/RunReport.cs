using M2MSim.Analysis.Charts;
using M2MSim.Analysis.Metrics;
using M2MSim.Analysis.Results;
using M2MSim.Analysis.Statistics;

namespace M2MSim.Analysis.Reports;

/// <summary>
/// The report of one run folder: headline numbers, prices, volume, money, inequality, the wealth
/// distribution with its fits, trading-period efficiency when there is an equilibrium, and earnings
/// by device type. Every number is read or computed from a named CSV column or manifest field.
/// </summary>
public static class RunReport
{
    public static ReportBundle Build(string folder)
    {
        RunFolderReader.RequireCompleted(folder);
        var run = RunDescription.Read(folder);
        var manifest = RunManifest.Read(folder);
        var ticks = RunFolderReader.ReadTicks(folder);
        var devices = RunFolderReader.ReadDevices(folder);
        if (ticks.Count == 0) throw new ResultFileException($"{Path.Combine(folder, "ticks.csv")}: no rows.");
        if (devices.Count == 0) throw new ResultFileException($"{Path.Combine(folder, "devices.csv")}: no rows.");

        var charts = new List<ChartImage>();
        var html = new HtmlReport($"Run report: {run.Name}");
        html.Paragraph($"Run folder {Path.GetFullPath(folder)}. Columns are those of docs/output.md; money in money units.", note: true);
        Headline(html, run, ticks);
        Markets(html, charts, ticks);
        Economy(html, charts, ticks);
        Wealth(html, charts, devices);
        Periods(html, charts, folder, manifest);
        Types(html, charts, devices);
        return new ReportBundle("report.html", html.Build(), charts, []);
    }

    private static void Headline(HtmlReport html, RunDescription run, IReadOnlyList<TickRecord> ticks)
    {
        var first = ticks[0];
        var last = ticks[^1];
        html.Heading(2, "Headline").Table(["quantity", "value", "source"],
        [
            ["run name", run.Name, "manifest.json resolved_scenario.name"],
            ["seed", run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "manifest.json seed"],
            ["engine", run.Engine, "manifest.json engine"],
            ["ticks", Numbers.Count(run.TicksRun), "manifest.json ticks_run"],
            ["devices", Numbers.Count(run.Devices), "manifest.json devices"],
            ["trades", Numbers.Count(ticks.Sum(t => (long)t.Trades)), "Σ ticks.csv trades"],
            ["volume (units)", Numbers.Count(ticks.Sum(t => t.Volume)), "Σ ticks.csv volume"],
            ["fees collected", Numbers.Exact(last.FeesTotal), "ticks.csv fees_total, last tick"],
            ["final money supply", Numbers.Exact(last.MoneySupply), "ticks.csv money_supply, last tick"],
            ["Gini first → last", $"{Numbers.Real(first.Gini)} → {Numbers.Real(last.Gini)}", $"ticks.csv gini, tick {first.Tick} and tick {last.Tick}"],
        ], "The run at a glance.", id: "headline");
    }

    private static void Markets(HtmlReport html, List<ChartImage> charts, IReadOnlyList<TickRecord> ticks)
    {
        html.Heading(2, "Markets").Table(["market", "trades", "volume", "mean price", "sd of tick price", "min", "max"],
            MarketSummary.Of(ticks).Select(m => (IReadOnlyList<string>)[m.Resource, Numbers.Count(m.Trades), Numbers.Count(m.Volume),
                Numbers.Real(m.MeanPrice), Numbers.Real(m.PriceStdDev), Numbers.Real(m.MinPrice), Numbers.Real(m.MaxPrice)]),
            "ticks.csv per resource: Σ trades, Σ volume, mean_price weighted by volume; sd, min and max of mean_price over ticks with volume > 0.", id: "markets");
        foreach (var market in ticks.GroupBy(t => t.Resource))
        {
            var chart = PriceChart.Draw(market.Key, market.ToArray());
            charts.Add(chart);
            html.Figure(chart);
        }
        var volume = VolumeChart.Draw(ticks);
        charts.Add(volume);
        html.Figure(volume);
    }

    private static void Economy(HtmlReport html, List<ChartImage> charts, IReadOnlyList<TickRecord> ticks)
    {
        html.Heading(2, "Money and inequality");
        foreach (var chart in new[] { MoneyChart.Draw(ticks), GiniChart.Draw(ticks) })
        {
            charts.Add(chart);
            html.Figure(chart);
        }
        if (!ticks.Any(t => t.HasLedger)) return;
        var ledger = LedgerChart.Draw(ticks);
        charts.Add(ledger);
        html.Figure(ledger);
    }

    private static void Wealth(HtmlReport html, List<ChartImage> charts, IReadOnlyList<DeviceRecord> devices)
    {
        html.Heading(2, "Final wealth distribution");
        var wealth = devices.Select(d => d.Wealth).ToArray();
        var gini = WealthGini.Of(wealth);
        var lorenz = LorenzChart.Draw(LorenzCurve.Of(wealth), gini);
        charts.Add(lorenz);
        html.Figure(lorenz);

        var values = wealth.Select(w => (double)w).ToArray();
        if (values.Length < 2 || values.Average() <= 0)
        {
            html.Paragraph("Too few devices, or no wealth at all, to fit a distribution.", note: true);
            return;
        }
        var exponential = ExponentialFit.Of(values);
        var logNormal = values.Count(v => v > 0) >= 2 ? LogNormalFit.Of(values) : null;
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "exponential", $"rate λ = {Numbers.Real(exponential.Rate)} (mean {Numbers.Real(1 / exponential.Rate)})", Numbers.Count(exponential.Count),
                Numbers.Real(exponential.KsStatistic, 4), Numbers.P(exponential.PValue) },
        };
        if (logNormal is not null)
        {
            rows.Add([ "log-normal", $"μ = {Numbers.Real(logNormal.Mu)}, σ = {Numbers.Real(logNormal.Sigma)}",
                $"{Numbers.Count(logNormal.Count)} ({logNormal.Excluded} at zero left out)", Numbers.Real(logNormal.KsStatistic, 4), Numbers.P(logNormal.PValue) ]);
        }
        html.Table(["distribution", "fitted parameters", "devices", "KS statistic D", "KS p-value"], rows,
            $"Fitted to devices.csv balance + escrow ({Numbers.Count(values.Length)} devices; Gini {Numbers.Real(gini, 4)}). " +
            "The p-values are asymptotic Kolmogorov–Smirnov ones with parameters estimated from the same data, so they are conservative (Lilliefors).",
            id: "fits");
        var histogram = WealthHistogramChart.Draw(values, exponential, logNormal);
        charts.Add(histogram);
        html.Figure(histogram);
        if (values.Count(v => v > 0) >= 2)
        {
            var logHistogram = WealthLogHistogramChart.Draw(values, exponential, logNormal);
            charts.Add(logHistogram);
            html.Figure(logHistogram);
        }
    }

    private static void Periods(HtmlReport html, List<ChartImage> charts, string folder, RunManifest manifest)
    {
        if (manifest.Equilibria.Count == 0) return;
        html.Heading(2, "Trading periods against the competitive equilibrium");
        if (!File.Exists(Path.Combine(folder, "trades.csv")))
        {
            html.Paragraph("trades.csv was not written (output.trades: false), so efficiency and Smith's α cannot be measured.", note: true);
            return;
        }
        var periods = MarketMetrics.Compute(manifest, RunFolderReader.ReadTrades(folder)).Where(p => p.P0 is not null).ToArray();
        html.Table(["market", "period", "trades", "units", "mean price", "P0", "Q0", "realised surplus", "max surplus", "efficiency", "Smith's α"],
            periods.Select(p => (IReadOnlyList<string>)[p.Resource, p.Period.ToString(System.Globalization.CultureInfo.InvariantCulture), Numbers.Count(p.Trades),
                Numbers.Count(p.Units), Numbers.Real((double)p.MeanPrice), Numbers.Exact(p.P0!.Value), Numbers.Count(p.Q0 ?? 0),
                Numbers.Exact(p.RealisedSurplus), Numbers.Exact(p.MaxSurplus ?? 0), Numbers.Fixed(p.Efficiency * 100, 1) + " %", Numbers.Fixed(p.SmithsAlpha, 2)]),
            "trades.csv rows grouped by resource and period (tick ÷ manifest periods.length): trades, Σ quantity, mean price weighted by quantity, " +
            "realised surplus Σ quantity × (buyer_value − seller_cost); P0, Q0 and max surplus from manifest equilibrium; efficiency = realised / max surplus; " +
            "α = 100 · √(Σ q (price − P0)² / Σ q) / P0.", id: "periods");
        foreach (var chart in new[] { PeriodChart.Efficiency(periods), PeriodChart.Alpha(periods) })
        {
            charts.Add(chart);
            html.Figure(chart);
        }
    }

    private static void Types(HtmlReport html, List<ChartImage> charts, IReadOnlyList<DeviceRecord> devices)
    {
        var types = TypeEarnings.Of(devices);
        html.Heading(2, "Earnings by device type").Table(
            ["type", "devices", "mean surplus", "surplus 95 % CI", "mean final wealth", "wealth 95 % CI"],
            types.Select(t => (IReadOnlyList<string>)[t.Type, Numbers.Count(t.Devices), Numbers.Real(t.Surplus.Mean), Numbers.Interval(t.Surplus),
                Numbers.Real(t.Wealth.Mean), Numbers.Interval(t.Wealth)]),
            "devices.csv grouped by type: surplus, and balance + escrow; 95 % Student-t intervals over the type's devices (n − 1 degrees of freedom).",
            id: "types");
        var labels = types.Select(t => $"{t.Type}\nn = {Numbers.Count(t.Devices)}").ToArray();
        charts.Add(CategoryIntervalChart.Draw(labels, types.Select(t => t.Surplus).ToArray(), false, "Realised surplus by device type", "device type",
            "mean surplus per device (money units)", "surplus-by-type.png", "devices.csv: mean of surplus per type with a 95 % Student-t interval."));
        charts.Add(CategoryIntervalChart.Draw(labels, types.Select(t => t.Wealth).ToArray(), false, "Final wealth by device type", "device type",
            "mean wealth per device (money units)", "wealth-by-type.png", "devices.csv: mean of balance + escrow per type with a 95 % Student-t interval."));
        html.Figure(charts[^2]).Figure(charts[^1]);
    }
}
