using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Simulation;

namespace M2MSim.Economy.Tests.Checkpoints;

/// <summary>A checkpoint that does not fit the scenario is refused with a message, never half restored and run.</summary>
public sealed class RestoreValidationTests
{
    private static Scenario Scenario(params string[] overrides) => ScenarioFiles.Load("quickstart.yaml", ["ticks=6", .. overrides]);

    private static async Task<(Checkpoint Header, DeviceCheckpoint[] Devices)> TakenAsync(Scenario scenario)
    {
        var (_, checkpoints) = await ResumedRun.StraightAsync(scenario, [3]);
        var file = checkpoints[3];
        return (file.Checkpoint, file.Devices.ToArray());
    }

    private static async Task<string> RefusedAsync(Scenario scenario, Checkpoint header, IEnumerable<DeviceCheckpoint> devices)
    {
        await using var engine = new ReferenceEngine(scenario);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.RestoreAsync(header, devices.ToAsyncEnumerable(), CancellationToken.None));
        return e.Message;
    }

    [Fact]
    public async Task A_missing_device_is_refused()
    {
        var scenario = Scenario();
        var (header, devices) = await TakenAsync(scenario);
        Assert.Contains("expected device 5, got 6", await RefusedAsync(scenario, header, devices.Where(d => d.Id != 5)), StringComparison.Ordinal);
        Assert.Contains($"has {devices.Length - 1} devices", await RefusedAsync(scenario, header, devices[..^1]), StringComparison.Ordinal);
        Assert.Contains("has 0 devices", await RefusedAsync(scenario, header, []), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Devices_out_of_order_or_too_many_are_refused()
    {
        var scenario = Scenario();
        var (header, devices) = await TakenAsync(scenario);
        var swapped = devices.ToArray();
        (swapped[3], swapped[4]) = (swapped[4], swapped[3]);
        Assert.Contains("not in id order", await RefusedAsync(scenario, header, swapped), StringComparison.Ordinal);
        Assert.Contains("expected device 1, got 0", await RefusedAsync(scenario, header, [devices[0], .. devices]), StringComparison.Ordinal);
        Assert.Contains("beyond the scenario", await RefusedAsync(scenario, header, [.. devices, devices[^1] with { Id = devices.Length }]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_market_count_is_refused()
    {
        var scenario = Scenario();
        var (header, devices) = await TakenAsync(scenario);
        Assert.Contains("has 2 markets; the scenario has 3", await RefusedAsync(scenario, header with { Markets = header.Markets[..2] }, devices), StringComparison.Ordinal);
        Assert.Contains("has 4 markets", await RefusedAsync(scenario, header with { Markets = [.. header.Markets, MarketState.None] }, devices), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_of_another_scenario_is_refused()
    {
        var (header, devices) = await TakenAsync(Scenario());
        // Fewer devices: the money supply differs before any device is read.
        Assert.Contains("initial money supply", await RefusedAsync(Scenario("devices.car.count=10"), header, devices), StringComparison.Ordinal);
        // Same devices, another market: its state does not fit.
        Assert.Contains("posted-price market has no price", await RefusedAsync(Scenario("markets[0].mechanism=posted"), header, devices), StringComparison.Ordinal);
    }
}
