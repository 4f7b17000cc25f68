using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Economy.Tests.Checkpoints;
using M2MSim.Economy.Tests.Simulation;

namespace M2MSim.Economy.Tests.Settlement;

/// <summary>Whole runs of the reference engine on each ledger: money conserved, ledger figures that add up, checkpoints that resume exactly.</summary>
public sealed class LedgerRunTests
{
    /// <summary>The shared small IoT economy (tests/Shared/LedgerEconomy.cs).</summary>
    public const string Economy = M2MSim.Tests.Shared.LedgerEconomy.Yaml;

    public static TheoryData<string> Ledgers => ["chain", "chain-no-pool", "feeless", "feeless-pool", "direct-pool", "chain-backlog"];

    private const string Pool = "reward_pool: {fund: 100, payout: 0.2}";

    public static Scenario Load(string ledger, params string[] overrides) =>
        ScenarioLoader.Parse(Economy + "\n" + Root(ledger), "ledger.yaml", overrides);

    /// <summary>The root keys of each case.</summary>
    public static string Root(string ledger) => ledger switch
    {
        "chain" => "ledger: {kind: chain, fee: 0.05, block: 60, delay: 2}\n" + Pool,
        "chain-no-pool" => "ledger: {kind: chain, fee: 0.05, block: 60, delay: 2}",
        "chain-backlog" => "ledger: {kind: chain, fee: 0.05, block: 20, delay: 1}\n" + Pool,
        "feeless" => "ledger: {kind: feeless, pow: 3, delay: 3}",
        "feeless-pool" => "ledger: {kind: feeless, pow: 3, delay: 1}\n" + Pool,
        "direct-pool" => "ledger: {kind: direct}\n" + Pool,
        "none" => "",
        _ => throw new ArgumentOutOfRangeException(nameof(ledger)),
    };

    [Theory]
    [MemberData(nameof(Ledgers))]
    public async Task A_run_on_each_ledger_conserves_money_and_ends_with_nothing_pending(string ledger)
    {
        var scenario = Load(ledger);
        var run = await SimulationRun.ExecuteAsync(scenario); // the engine throws at any barrier where money is not conserved
        var rows = run.Reports.Select(r => r.Rows[0]).ToArray();
        Assert.True(run.Reports.Sum(r => r.Trades.Length) > 100);

        var last = rows[^1].Ledger;
        Assert.All(run.Reports, r => Assert.All(r.Rows, row => Assert.Equal(r.Rows[0].Ledger, row.Ledger)));
        Assert.True(rows.All(r => r.Ledger.Transactions > 0));
        switch (ledger)
        {
            case "chain" or "chain-no-pool" or "chain-backlog":
                Assert.True(last.FeesTotal > 0);
                Assert.Equal(0, last.PowTotal);
                break;
            case "feeless" or "feeless-pool":
                Assert.Equal(0, last.FeesTotal);
                Assert.True(last.PowTotal > 0);
                break;
            default:
                Assert.Equal((0L, 0L), (last.FeesTotal, last.PowTotal));
                Assert.All(rows, r => Assert.Equal(0, r.Ledger.Unconfirmed));
                break;
        }
        if (scenario.RewardPool is null) Assert.Equal((last.FeesTotal, 0L), (last.Pool, last.RewardsTotal)); // the fees collect, unpaid
        else Assert.True(last.RewardsTotal > 0);
        // With a delay of 1 (and no backlog) everything is spendable in the tick after it was submitted.
        if (scenario.Ledger is { Confirms: true, Delay: > 1 } || ledger == "chain-backlog") Assert.Contains(rows, r => r.Ledger.Unconfirmed > 0);
        else Assert.All(rows, r => Assert.Equal(0, r.Ledger.Unconfirmed));
        if (ledger == "chain-backlog")
        {
            // Blocks of 20 cannot carry a meters' tick: transactions wait longer than the delay.
            Assert.Contains(rows, r => r.Ledger.Unconfirmed > r.Ledger.Transactions);
        }

        // After the final settlement no device holds money pending or compute not rewarded.
        await using var engine = new M2MSim.Economy.Simulation.ReferenceEngine(scenario);
        var ct = CancellationToken.None;
        await engine.StartAsync(ct);
        for (var t = 0; t < scenario.Ticks; t++) await engine.RunTickAsync(t, ct);
        var before = await engine.CaptureDevicesAsync(ct).ToArrayAsync(ct);
        if (scenario.Ledger is { Confirms: true }) Assert.Contains(before, d => d.State?.Pending is not null);
        await engine.SettleAsync(scenario.Ticks, ct);
        var after = await engine.CaptureDevicesAsync(ct).ToArrayAsync(ct);
        Assert.All(after, d => Assert.Null(d.State?.Pending));
        Assert.All(after, d => Assert.Null(d.State?.Mined));
    }

    [Theory]
    [MemberData(nameof(Ledgers))]
    public async Task A_run_on_each_ledger_resumed_from_a_checkpoint_ends_as_if_it_never_stopped(string ledger)
    {
        var scenario = Load(ledger, "ticks=20");
        var checkpoints = await ResumedRun.AssertResumesIdenticallyAsync(scenario, ResumedRun.Barriers(scenario.Ticks).Append(7));
        // The checkpoints tested carry ledger state: blocks still open, devices' pending money, proof of work owed or compute committed.
        var taken = checkpoints.Values.Select(c => (c.Checkpoint, Devices: c.Devices.ToArray())).ToArray();
        Assert.All(taken, c => Assert.NotNull(c.Checkpoint.Ledger));
        if (scenario.Ledger is { Confirms: true })
        {
            Assert.Contains(taken, c => c.Checkpoint.Ledger!.Open.Length > 0);
            Assert.Contains(taken, c => c.Devices.Any(d => d.State?.Pending is { Length: > 0 }));
        }
        if (scenario.Ledger is { Kind: M2MSim.Economy.Settlement.LedgerKind.Feeless }) Assert.Contains(taken, c => c.Devices.Any(d => d.State is { PowDebt: > 0 }));
        if (scenario.RewardPool is not null)
        {
            Assert.Contains(taken, c => c.Devices.Any(d => d.State?.Mined is { Length: > 0 }));
            Assert.Contains(taken, c => c.Checkpoint.Ledger!.Rates.Any(r => r > 0));
        }
    }

    [Fact]
    public async Task Naming_the_direct_ledger_runs_as_not_naming_one()
    {
        var plain = await SimulationRun.ExecuteAsync(Load("none"));
        var direct = await SimulationRun.ExecuteAsync(ScenarioLoader.Parse(Economy + "\nledger: {kind: direct, fee: 3, pow: 2}", "l.yaml"));
        Assert.Equal(Rendering.All(plain.Reports), Rendering.All(direct.Reports));
        Assert.Equal(Rendering.All(plain.FinalDevices), Rendering.All(direct.FinalDevices));
    }

    [Fact]
    public async Task A_chain_fee_changes_the_run_and_the_pool_grows_by_the_fees_it_does_not_pay_out()
    {
        var chain = await SimulationRun.ExecuteAsync(Load("chain-no-pool"));
        var rows = chain.Reports.Select(r => r.Rows[0].Ledger).ToArray();
        Assert.Equal(rows[^1].FeesTotal, rows[^1].Pool); // without a fund or payout, the pool is the fees
        var direct = await SimulationRun.ExecuteAsync(Load("none"));
        Assert.NotEqual(Rendering.All(direct.Reports), Rendering.All(chain.Reports));
    }
}
