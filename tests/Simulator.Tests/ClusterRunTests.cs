using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Text.Json;

namespace M2MSim.Simulator.Tests;

/// <summary>`run --silos N` and `run --cluster`: real silo processes on a real Redis (docs/cluster.md).</summary>
public sealed class ClusterRunTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly string Quickstart = Path.Combine(Cli.RepoRoot, "scenarios", "quickstart.yaml");

    [Fact]
    public async Task Three_silos_on_Redis_write_the_files_of_the_embedded_silo_and_leave_no_process_behind()
    {
        var work = Cli.NewTempDirectory();
        var single = await Cli.Run(work, "run", Quickstart, "--ticks", "40", "--out", "single", "--no-dashboard");
        Assert.True(single.ExitCode == 0, single.Stdout + single.Stderr);

        using var process = Cli.Start(work, "run", Quickstart, "--ticks", "40", "--out", "three", "--silos", "3",
            "--cluster", redis.Address, "--cluster-id", "test-three", "--service-id", "test-service");
        var simulatorPid = process.Id;
        var three = await Cli.Finish(process);
        Assert.True(three.ExitCode == 0, three.Stdout + three.Stderr);
        Assert.Contains("test-three/test-service", three.Stdout);

        foreach (var file in new[] { "ticks.csv", "trades.csv", "devices.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(work, "single", file)), File.ReadAllBytes(Path.Combine(work, "three", file)));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "three", "manifest.json")));
        Assert.Equal(3, manifest.RootElement.GetProperty("silos").GetInt32());
        // The silos were started with --stop-with <simulator pid>; none may survive the command.
        Assert.Empty(ProcessesWithArgument($"{simulatorPid}"));
    }

    [Fact]
    public async Task An_interrupted_run_on_local_silos_stops_them_and_its_own_redis_server()
    {
        var work = Cli.NewTempDirectory();
        using var process = Cli.Start(work, "run", Quickstart, "--out", "long", "--ticks", "1000000", "--silos", "2");
        var simulatorPid = process.Id;
        var result = await CancellationTests.InterruptWhen(process, () => CancellationTests.HasTickRows(work, "long"), "the run never started writing ticks");

        Assert.Equal(130, result.ExitCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
        Assert.Empty(ProcessesWithArgument($"{simulatorPid}"));
        // The redis-server it started on a free port is gone too: nothing listens there any more.
        var port = int.Parse(Regex.Match(result.Stdout, @"on Redis 127\.0\.0\.1:(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task Run_on_an_unreachable_Redis_fails_clearly_within_seconds()
    {
        var work = Cli.NewTempDirectory();
        var clock = Stopwatch.StartNew();
        var result = await Cli.Run(work, "run", Quickstart, "--cluster", $"127.0.0.1:{RedisServer.FreePort()}");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot reach Redis", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.False(Directory.Exists(Path.Combine(work, "runs")));
    }

    [Fact]
    public async Task Run_on_a_cluster_without_silos_fails_clearly()
    {
        var work = Cli.NewTempDirectory();
        var result = await Cli.Run(work, "run", Quickstart, "--cluster", redis.Address, "--cluster-id", "nobody-here");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no silo of cluster nobody-here", result.Stderr);
    }

    [Theory]
    [InlineData("--cluster-id", "x")]
    [InlineData("--silos", "-1")]
    [InlineData("--silos", "2", "--engine", "reference")]
    public async Task Bad_cluster_options_are_bad_input(params string[] options)
    {
        var result = await Cli.Run(Cli.NewTempDirectory(), ["run", Quickstart, .. options]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error:", result.Stderr);
    }

    private static List<int> ProcessesWithArgument(string pid) =>
        Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(d => d!.All(char.IsDigit)).Select(int.Parse!)
            .Where(p =>
            {
                try
                {
                    var args = File.ReadAllText($"/proc/{p}/cmdline").Split('\0');
                    return args.Contains("--stop-with") && args.Contains(pid);
                }
                catch (IOException)
                {
                    return false;
                }
            }).ToList();
}
