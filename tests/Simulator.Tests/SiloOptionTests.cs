using System.Diagnostics;

namespace M2MSim.Simulator.Tests;

/// <summary>The standalone silo host's command line: mistakes are one line and exit 2, never a stack trace.</summary>
public sealed class SiloOptionTests
{
    [Theory]
    [InlineData("--bogus", "1")]
    [InlineData("--cluster")]
    [InlineData("--silo-port", "11111")]
    [InlineData("--cluster", "127.0.0.1:6379", "--silo-port", "70000")]
    [InlineData("--cluster", "127.0.0.1:6379", "--silo-port", "2000", "--gateway-port", "2000")]
    [InlineData("--cluster", "127.0.0.1:6379", "--cluster-id", "")]
    public async Task Bad_options_exit_2_with_one_clear_line(params string[] args)
    {
        var result = await RunSilo(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error:", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task An_unreachable_Redis_is_a_clear_error_within_seconds()
    {
        var clock = Stopwatch.StartNew();
        var result = await RunSilo("--cluster", $"127.0.0.1:{RedisServer.FreePort()}");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot reach Redis", result.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    private static async Task<Cli.Result> RunSilo(params string[] args)
    {
        using var process = M2MSim.Tests.Shared.DotnetProgram.Start("M2MSim.Silo.dll", null, args);
        return await Cli.Finish(process);
    }
}
