using System.Net;
using System.Text.Json;

namespace M2MSim.Dashboard.Tests;

/// <summary>The dashboard's JSON API and live channel, on a real run, and the token rule.</summary>
public sealed class ApiTests
{
    private static int Ticks(JsonElement update) => update.GetProperty("ticksDone").GetInt32();

    private static string State(JsonElement update) => update.GetProperty("state").GetString()!;

    [Fact]
    public async Task Pause_resume_and_stop_act_between_ticks_and_a_stopped_run_writes_complete_files()
    {
        await using var run = await DashboardRun.StartAsync("--ticks", "1000000");
        using var http = new HttpClient();
        using var events = await LiveEvents.OpenAsync(http, run.At("/api/events"));
        // Each event carries the ticks its client has not seen: together, every tick once, in order.
        var received = new List<int>();
        var first = await events.WaitForAsync(u =>
        {
            received.AddRange(u.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("tick").GetInt32()));
            return Ticks(u) >= 3;
        }, "three ticks");
        Assert.Equal(Enumerable.Range(0, Ticks(first)), received);
        Assert.Equal("quickstart", first.GetProperty("run").GetProperty("name").GetString());
        Assert.Equal(["compute", "bandwidth", "data"], first.GetProperty("run").GetProperty("resources").EnumerateArray().Select(r => r.GetString()));
        var economy = (await events.WaitForAsync(u => u.GetProperty("economy").ValueKind == JsonValueKind.Object, "the economy view")).GetProperty("economy");
        Assert.Equal(10, economy.GetProperty("richest").GetArrayLength());
        Assert.Equal(10, economy.GetProperty("decileWealth").GetArrayLength());
        Assert.Equal(3, economy.GetProperty("markets").GetArrayLength());

        var paused = await Post(http, run.At("/api/run/pause"));
        Assert.Equal("paused", State(paused));
        // The tick under way when pause came may still finish; after that the count stays put
        // while the live channel goes on (a heartbeat a second): watched for 2.5 s.
        var at = Ticks(await events.WaitForAsync(u => State(u) == "paused", "the paused state"));
        var seen = new List<JsonElement>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(2.5)) seen.Add(await events.NextAsync());
        Assert.True(seen.Count >= 2, "the live channel sends at least one event a second");
        Assert.All(seen, u => Assert.InRange(Ticks(u), at, at + 1));
        var stoppedAt = Ticks(seen[^1]);
        Assert.Equal(stoppedAt, Ticks(seen[^2]));
        Assert.Equal(0, seen[^1].GetProperty("ticksPerSecond").GetDouble());
        Assert.Equal(stoppedAt, Ticks(await Get(http, run.At("/api/run"))));

        Assert.Equal("running", State(await Post(http, run.At("/api/run/resume"))));
        await events.WaitForAsync(u => Ticks(u) > stoppedAt + 2, "ticks after resuming");

        Assert.Equal("stopping", State(await Post(http, run.At("/api/run/stop"))));
        var result = await run.FinishAsync();
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("Stopped from the dashboard", result.Stdout);

        var manifest = run.Manifest();
        Assert.Equal("stopped", manifest.GetProperty("outcome").GetString());
        var ticksRun = manifest.GetProperty("ticks_run").GetInt32();
        Assert.True(ticksRun > stoppedAt + 2);
        Assert.Equal(["devices.csv", "manifest.json", "ticks.csv", "trades.csv"], Directory.GetFiles(run.Folder).Select(Path.GetFileName).Order());
        Assert.Equal(1 + ticksRun * 3, File.ReadLines(Path.Combine(run.Folder, "ticks.csv")).Count());
        Assert.Equal(1 + 3970, File.ReadLines(Path.Combine(run.Folder, "devices.csv")).Count());
        // Settled: no money left in escrow.
        Assert.All(File.ReadLines(Path.Combine(run.Folder, "devices.csv")).Skip(1), line => Assert.Equal("0.000000", line.Split(',')[4]));
    }

    [Fact]
    public async Task The_economy_view_counts_devices_offline_by_type()
    {
        // Cars (the third type) are away half the time; every other type is always there.
        await using var run = await DashboardRun.StartAsync("--ticks", "1000000", "--set", "devices.car.churn={offline: 0.5, spell: 2}");
        using var http = new HttpClient();
        using var events = await LiveEvents.OpenAsync(http, run.At("/api/events"));
        var update = await events.WaitForAsync(u => u.GetProperty("economy").ValueKind == JsonValueKind.Object
            && u.GetProperty("economy").GetProperty("tick").GetInt32() >= 2, "an economy view after tick 2");
        var types = update.GetProperty("run").GetProperty("devicesByType").EnumerateArray().Select(t => t.GetProperty("type").GetString()!).ToArray();
        var offline = update.GetProperty("economy").GetProperty("offlineByType").EnumerateArray().Select(o => o.GetInt32()).ToArray();
        Assert.Equal(["edge-server", "gateway", "car", "smart-meter", "industrial-machine", "data-buyer"], types);
        var cars = update.GetProperty("run").GetProperty("devicesByType")[2].GetProperty("online").GetInt32();
        Assert.InRange(offline[2], cars / 4, cars * 3 / 4);
        Assert.All(offline.Where((_, i) => i != 2), n => Assert.Equal(0, n));
    }

    [Fact]
    public async Task Beyond_loopback_the_page_api_and_orleans_dashboard_need_the_token()
    {
        await using var run = await DashboardRun.StartAsync("--ticks", "1000000", "--dashboard-bind", "0.0.0.0", "--dashboard-token", "s3cret");
        Assert.Contains("token=s3cret", run.Address.Query);
        var port = run.Address.Port;
        using var http = new HttpClient();
        var bare = new Uri($"http://127.0.0.1:{port}");
        foreach (var path in new[] { "/", "/api/run", "/dashboard/", "/api/events" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri(bare, path))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync(new Uri(bare, "/api/run/stop"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri(bare, "/api/run?token=wrong"))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(bare, "/api/run?token=s3cret"))).StatusCode);
        using var withHeader = new HttpRequestMessage(HttpMethod.Get, new Uri(bare, "/dashboard/"));
        withHeader.Headers.Add("X-M2MSim-Token", "s3cret");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(withHeader)).StatusCode);

        // Opening the page with ?token= sets a cookie, so the page's own requests need nothing more.
        var page = await http.GetAsync(new Uri(bare, "/?token=s3cret"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("m2msim-token=s3cret", StringComparison.Ordinal) && c.Contains("httponly"));

        using var stop = new HttpRequestMessage(HttpMethod.Post, new Uri(bare, "/api/run/stop"));
        stop.Headers.Add("X-M2MSim-Token", "s3cret");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(stop)).StatusCode);
        Assert.Equal(0, (await run.FinishAsync()).ExitCode);
    }

    [Fact]
    public async Task Beyond_loopback_without_a_token_one_is_generated_and_printed()
    {
        await using var run = await DashboardRun.StartAsync("--ticks", "1000000", "--dashboard-bind", "0.0.0.0");
        Assert.Matches("^\\?token=[0-9a-f]{32}$", run.Address.Query);
        using var http = new HttpClient();
        var bare = new Uri($"http://127.0.0.1:{run.Address.Port}/api/run");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(bare)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(bare + run.Address.Query))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(new Uri($"http://127.0.0.1:{run.Address.Port}/api/run/stop{run.Address.Query}"), null)).StatusCode);
        Assert.Equal(0, (await run.FinishAsync()).ExitCode);
    }

    [Fact]
    public async Task The_dashboard_changes_no_result_file()
    {
        var work = Simulator.Tests.Cli.NewTempDirectory();
        var with = await Simulator.Tests.Cli.Run(work, "run", DashboardRun.Quickstart, "--out", "with", "--ticks", "40");
        Assert.True(with.ExitCode == 0, with.Stdout + with.Stderr);
        Assert.Contains("Dashboard: http://127.0.0.1:", with.Stdout);
        var without = await Simulator.Tests.Cli.Run(work, "run", DashboardRun.Quickstart, "--out", "without", "--ticks", "40", "--no-dashboard");
        Assert.True(without.ExitCode == 0, without.Stdout + without.Stderr);
        Assert.DoesNotContain("Dashboard:", without.Stdout);
        foreach (var file in new[] { "ticks.csv", "trades.csv", "devices.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(work, "with", file)), File.ReadAllBytes(Path.Combine(work, "without", file)));
        Assert.Contains("\"outcome\": \"completed\"", File.ReadAllText(Path.Combine(work, "with", "manifest.json")));
    }

    private static async Task<JsonElement> Get(HttpClient http, Uri uri) => JsonDocument.Parse(await http.GetStringAsync(uri)).RootElement;

    private static async Task<JsonElement> Post(HttpClient http, Uri uri)
    {
        var response = await http.PostAsync(uri, null);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
