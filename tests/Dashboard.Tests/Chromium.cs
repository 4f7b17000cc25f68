using Microsoft.Playwright;

namespace M2MSim.Dashboard.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright through its executable path (Playwright's own browser
/// download cannot work here). A missing browser fails the test with what to do, never skips it.
/// </summary>
public static class Chromium
{
    /// <summary>M2MSIM_CHROMIUM overrides the path; .ci/run installs Debian's package.</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("M2MSIM_CHROMIUM") ?? "/usr/bin/chromium";

    // Without the background-networking flags Chromium keeps trying to reach the internet, which
    // this machine's closed network refuses.
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.True(File.Exists(ExecutablePath),
            $"Chromium is not at {ExecutablePath}: install it with `apt-get install -y chromium` (.ci/run does) or set M2MSIM_CHROMIUM.");
        var playwright = await Playwright.CreateAsync();
        // Playwright gives every launch a new, empty profile (user data) folder of its own.
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Flags });
        return (playwright, browser);
    }
}
