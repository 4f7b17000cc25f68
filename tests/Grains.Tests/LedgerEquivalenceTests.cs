using M2MSim.Economy.Scenarios;

namespace M2MSim.Grains.Tests;

/// <summary>The settlement ledger is kept by the coordinator and seen by every device grain: the files must not notice.</summary>
public sealed class LedgerEquivalenceTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    public static TheoryData<string, int> Cases => new()
    {
        { "chain-pool", 1 }, { "chain-pool", 3 },
        { "feeless", 1 }, { "feeless", 3 },
        { "feeless-pool", 3 },
        { "chain-churn", 3 },
    };

    public static Scenario Load(string name) => name switch
    {
        "chain-pool" => LedgerScenarios.ChainWithPool(),
        "feeless" => LedgerScenarios.Feeless(),
        // Devices away hold gifts and results: pending money and unclaimed rewards wait with them; failed ones keep theirs.
        "chain-churn" => LedgerScenarios.ChainWithPool("devices.smart-meter.churn={offline: 0.2, spell: 2}", "devices.car.churn={offline: 0.1, spell: 3}", "devices.edge-server.failure=0.01"),
        _ => LedgerScenarios.FeelessWithPool(),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Orleans_engine_writes_the_reference_files_on_a_settlement_ledger(string name, int shards)
    {
        var (reference, _) = await RunFiles.AssertEnginesAgree(Load(name), fixture.Grains, shards, minTrades: 200);

        // The ledger was really used: its columns of ticks.csv move.
        string[] Column(string c) => RunFiles.Column(reference, "ticks.csv", c);
        Assert.Contains(Column("ledger_tx"), v => v != "0");
        if (name != "feeless-pool") Assert.Contains(Column("unconfirmed_tx"), v => v != "0"); // (a delay of 1: all spendable the next tick)
        if (name == "feeless") Assert.Contains(Column("pow_total"), v => v != "0");
        else Assert.Contains(Column("rewards_total"), v => v != "0.000000");
    }
}

/// <summary>Two silos: the ledger's view and the shards' ledger activity cross silos serialized.</summary>
public sealed class LedgerTwoSiloTests(TwoSiloClusterFixture fixture) : IClassFixture<TwoSiloClusterFixture>
{
    [Fact]
    public async Task Two_silos_write_the_reference_files_on_a_chain_with_a_pool() =>
        await RunFiles.AssertEnginesAgree(LedgerScenarios.ChainWithPool(), fixture.Grains, shards: 6, minTrades: 200);
}
