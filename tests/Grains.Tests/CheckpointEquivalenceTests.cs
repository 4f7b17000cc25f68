using System.Text;
using System.Text.Json;
using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Economy.Simulation;
using M2MSim.Simulator.Engines;

namespace M2MSim.Grains.Tests;

/// <summary>
/// A checkpoint is engine-independent: the grains, at any shard count, write exactly the reference
/// engine's checkpoint at the same barrier, and a checkpoint of either restores into either (at
/// another shard count) and goes on to exactly the reference run's reports and devices.
/// </summary>
public sealed class CheckpointEquivalenceTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    public static TheoryData<string> Scenarios => ["posted-call-cda", "tender", "negotiation", "zip", "classic", "paged", "faults", "purifiers", "ledger-chain", "ledger-feeless"];

    private static Scenario Load(string name) => name switch
    {
        // A posted price carries its price between ticks inside the market grain.
        "posted-call-cda" => TestScenarios.Mixed(ticks: 16) is var mixed ? mixed with
        {
            Markets = [mixed.Markets[0] with { Mechanism = MarketMechanism.Call }, mixed.Markets[1] with { Mechanism = MarketMechanism.Posted, Adjust = 0.3 }, mixed.Markets[2]],
        } : null!,
        // Jobs awarded and still running inside the market grain at the barrier.
        "tender" => TestScenarios.Mixed(ticks: 16) is var m ? m with
        {
            Markets = [m.Markets[0], m.Markets[1] with { Mechanism = MarketMechanism.Tender, Award = TenderAward.Second, Duration = 3 }, m.Markets[2]],
        } : null!,
        // Open negotiations, escrows and offers in flight at the barrier.
        "negotiation" => ScenarioLoader.Load(Path.Combine(Repository.Root, "scenarios", "validation", "negotiation.yaml"), ["ticks=40"]),
        // Learning traders: their margins and the last tick's tapes.
        "zip" => ScenarioLoader.Load(Path.Combine(Repository.Root, "scenarios", "validation", "zip.yaml"), ["ticks=30"]),
        // 18,300 devices: captured from and restored into 3 shards in several pages each.
        "paged" => TestScenarios.Mixed(ticks: 4, scale: 300),
        // Churn, lost moves, dishonest sellers and buyers' reputations: deliveries awaited and sellers distrusted at the barrier.
        "faults" => ScenarioLoader.Load(Path.Combine(Repository.Root, "scenarios", "validation", "negotiation.yaml"),
            ["ticks=90", "devices.buyer.churn={offline: 0.1, spell: 2}", "network={loss: 0.1}", "devices.seller.dishonest=0.4", "devices.buyer.reputation=true"]),
        // Worn parts (spent, replaced, on order) and withheld data at the barrier.
        "purifiers" => ScenarioLoader.Load(Path.Combine(Repository.Root, "scenarios", "water-purifiers.yaml"), ["ticks=60", "devices.water-purifier.count=80"]),
        // Settlement ledgers: blocks open, money pending, proof of work owed, compute committed and rewards not claimed at the barrier.
        "ledger-chain" => LedgerScenarios.ChainWithPool(),
        "ledger-feeless" => LedgerScenarios.FeelessWithPool(),
        // Trading periods and schedule shifts.
        _ => TestScenarios.Classic(),
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Grains_checkpoints_equal_the_reference_engines_and_restore_into_either_engine(string name)
    {
        var scenario = Load(name);
        var at = scenario.Ticks / 2;
        var straight = await DriveAsync(new ReferenceEngine(scenario), scenario, null, captureAt: at);
        var grains = await DriveAsync(Grains(scenario, shards: 3), scenario, null, captureAt: at, stopAtCapture: true);
        Assert.Equal(straight.Checkpoint, grains.Checkpoint);
        if (name.StartsWith("ledger", StringComparison.Ordinal))
        {
            // The barrier holds ledger state for the restore to get right.
            Assert.Contains("\"open\": [", straight.Checkpoint);
            Assert.Contains("\"pending\":[", straight.Checkpoint);
            Assert.Contains("\"mined\":[", straight.Checkpoint);
            if (name == "ledger-feeless") Assert.Contains("\"powDebt\":", straight.Checkpoint);
        }
        Assert.Equal(straight.Reports[..at], grains.Reports);

        // Restored into the grains at another shard count, and into the reference engine.
        foreach (var engine in new ISimulationEngine[] { Grains(scenario, shards: 5), new ReferenceEngine(scenario) })
        {
            var resumed = await DriveAsync(engine, scenario, grains.Checkpoint, captureAt: null);
            Assert.Equal(straight.Reports[at..], resumed.Reports);
            Assert.Equal(straight.Devices, resumed.Devices);
        }
    }

    /// <summary>
    /// Devices that deactivated while idle are held by their shards as state: a checkpoint taken
    /// then holds that state, and a run restored from it goes on exactly as the reference run.
    /// </summary>
    [Theory]
    [InlineData("sparse")]
    [InlineData("idle-compute")]
    public async Task Checkpoints_taken_while_idle_devices_are_deactivated_equal_the_reference_engines(string name)
    {
        var scenario = DeactivationTests.Load(name);
        var at = scenario.Ticks / 2;
        var straight = await DriveAsync(new ReferenceEngine(scenario), scenario, null, captureAt: at);
        var parking = Grains(scenario, shards: 3, deactivateIdle: 1);
        var grains = await DriveAsync(parking, scenario, null, captureAt: at, stopAtCapture: true, before: async () =>
            Assert.True(await parking.DevicesHeldAsStateAsync() > 0, "some device should be deactivated at the barrier"));
        Assert.Equal(straight.Checkpoint, grains.Checkpoint);
        Assert.Equal(straight.Reports[..at], grains.Reports);

        var resumed = await DriveAsync(Grains(scenario, shards: 2, deactivateIdle: 2), scenario, grains.Checkpoint, captureAt: null);
        Assert.Equal(straight.Reports[at..], resumed.Reports);
        Assert.Equal(straight.Devices, resumed.Devices);
    }

    private OrleansEngine Grains(Scenario scenario, int shards, int deactivateIdle = 0) => new(scenario, new OrleansEngineOptions(shards, 16, deactivateIdle), fixture.Grains);

    /// <summary>Runs an engine from the start or from a checkpoint (its text); captures the checkpoint text at one barrier.</summary>
    private static async Task<(List<string> Reports, string? Checkpoint, List<string> Devices)> DriveAsync(
        ISimulationEngine engine, Scenario scenario, string? from, int? captureAt, bool stopAtCapture = false, Func<Task>? before = null)
    {
        var ct = CancellationToken.None;
        await using var _ = engine;
        var tick = 0;
        if (from is null) await engine.StartAsync(ct);
        else
        {
            var lines = from.Split('\n');
            var header = CheckpointJson.DeserializeCheckpoint(string.Join('\n', lines.TakeWhile(l => l != "")));
            var devices = lines.SkipWhile(l => l != "").Skip(1).Where(l => l != "").Select(CheckpointJson.DeserializeLine).ToAsyncEnumerable();
            await engine.RestoreAsync(header, devices, ct);
            tick = header.Ticks;
        }
        var reports = new List<string>();
        string? checkpoint = null;
        for (; tick < scenario.Ticks; tick++)
        {
            if (tick == captureAt)
            {
                if (before is not null) await before();
                checkpoint = await CaptureAsync(engine, tick);
                if (stopAtCapture) return (reports, checkpoint, []);
            }
            reports.Add(JsonSerializer.Serialize(await engine.RunTickAsync(tick, ct)));
        }
        await engine.SettleAsync(scenario.Ticks, ct);
        var snapshots = new List<string>();
        await foreach (var d in engine.DevicesAsync(ct)) snapshots.Add(JsonSerializer.Serialize(d));
        return (reports, checkpoint, snapshots);
    }

    /// <summary>The header, an empty line, then one device per line: what the run folder's files hold.</summary>
    private static async Task<string> CaptureAsync(ISimulationEngine engine, int ticks)
    {
        var text = new StringBuilder(CheckpointJson.Serialize(await engine.CaptureAsync(ticks, CancellationToken.None))).Append("\n\n");
        await foreach (var d in engine.CaptureDevicesAsync(CancellationToken.None)) text.Append(CheckpointJson.SerializeLine(d)).Append('\n');
        return text.ToString();
    }
}
