using Microsoft.Playwright;
using M2MSim.Simulator.Tests;
using static Microsoft.Playwright.Assertions;

namespace M2MSim.Dashboard.Tests;

/// <summary>The economy view in a real browser, on a real run: live charts, pause, resume, stop.</summary>
public sealed class BrowserTests
{
    private const float Timeout = 60_000;

    [Fact]
    public async Task The_page_shows_the_run_live_and_controls_it()
    {
        await using var run = await DashboardRun.StartAsync("--ticks", "1000000");
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1500 } });
        page.SetDefaultTimeout(Timeout);
        await page.GotoAsync(run.Address.ToString());

        await Expect(page.Locator("#name")).ToHaveTextAsync("quickstart");
        await Expect(page.Locator("#state")).ToHaveTextAsync("running");
        // The charts grow as ticks advance, without reloading the page.
        var price = page.Locator("[data-chart=price-compute]");
        await WaitAsync(page, "n => Number(document.querySelector('[data-chart=price-compute]').dataset.points) > n", 5);
        var points = int.Parse((await price.GetAttributeAsync("data-points"))!);
        await WaitAsync(page, "n => Number(document.querySelector('[data-chart=price-compute]').dataset.points) > n", points);
        await Expect(page.Locator("[data-chart=gini] canvas")).ToBeVisibleAsync();
        await Expect(page.Locator("#richest tr")).ToHaveCountAsync(10);
        await Expect(page.Locator("#books tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#devices tr")).ToHaveCountAsync(6);

        // Pause: the tick stops while the page keeps receiving updates (a heartbeat a second).
        await page.Locator("#pause").ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync("paused");
        await Expect(page.Locator("#resume")).ToBeEnabledAsync();
        var updates = await Updates(page);
        await WaitAsync(page, "n => Number(document.body.dataset.updates) >= n", updates + 2);
        var pausedAt = await Tick(page);
        await WaitAsync(page, "n => Number(document.body.dataset.updates) >= n", await Updates(page) + 2);
        Assert.Equal(pausedAt, await Tick(page));
        if (Environment.GetEnvironmentVariable("M2MSIM_SCREENSHOT") is { } shot)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });

        await page.Locator("#resume").ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync("running");
        await WaitAsync(page, "n => Number(document.getElementById('tick').dataset.tick) > n", pausedAt + 2);

        // The Orleans dashboard is served by the same silo.
        var orleans = await browser.NewPageAsync();
        var response = await orleans.GotoAsync(run.At("/dashboard/").ToString());
        Assert.Equal(200, response!.Status);

        await page.Locator("#stop").ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^stop"));
        var result = await run.FinishAsync();
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal("stopped", run.Manifest().GetProperty("outcome").GetString());
        Assert.True(run.Manifest().GetProperty("ticks_run").GetInt32() > pausedAt + 2);
    }

    private static Task WaitAsync(IPage page, string condition, int argument) =>
        page.WaitForFunctionAsync(condition, argument, new PageWaitForFunctionOptions { Timeout = Timeout });

    private static async Task<int> Tick(IPage page) => int.Parse((await page.Locator("#tick").GetAttributeAsync("data-tick"))!);

    private static async Task<int> Updates(IPage page) => int.Parse((await page.Locator("body").GetAttributeAsync("data-updates"))!);
}
