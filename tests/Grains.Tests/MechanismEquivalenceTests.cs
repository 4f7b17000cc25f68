using M2MSim.Economy.Scenarios;
using M2MSim.Simulator.Runs;

namespace M2MSim.Grains.Tests;

/// <summary>
/// Every mechanism, not only the CDA, must give the grains exactly the reference engine's files:
/// the mixed economy with its markets switched to a call market, a posted price (which carries
/// state from tick to tick inside the market grain), a CDA with both options, and tenders.
/// </summary>
public sealed class MechanismEquivalenceTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static Scenario WithMechanisms()
    {
        var mixed = TestScenarios.Mixed();
        MarketSpec[] markets =
        [
            mixed.Markets[0] with { Mechanism = MarketMechanism.Call },
            mixed.Markets[1] with { Mechanism = MarketMechanism.Posted, Adjust = 0.3 },
            mixed.Markets[2] with { NyseRule = true, ClearAfterTrade = true },
        ];
        return mixed with { Markets = markets };
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task Orleans_engine_writes_the_reference_files_byte_for_byte_with_every_mechanism(int shards)
    {
        var scenario = WithMechanisms();
        var (reference, _) = await RunFiles.AssertEnginesAgree(scenario, fixture.Grains, shards, minTrades: 21);

        // Each market traded, so each mechanism was exercised.
        var trades = System.Text.Encoding.UTF8.GetString(RunFiles.Read(reference)["trades.csv"]);
        foreach (var resource in new[] { "data", "compute", "bandwidth" }) Assert.Contains($",{resource},", trades, StringComparison.Ordinal);
    }

    /// <summary>
    /// Tenders hold awarded jobs inside the market grain for several ticks: the mixed economy with
    /// a Vickrey compute tender whose jobs run 3 ticks, a first-price bandwidth tender paid the next
    /// tick (the cars' jobs fit the edges' and gateways' capacity), and the
    /// textbook schedule traders (periods, quote all, a shift) trading through a 2-tick tender.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public async Task Orleans_engine_writes_the_reference_files_byte_for_byte_with_tenders(int shards)
    {
        var mixed = TestScenarios.Mixed();
        MarketSpec[] markets =
        [
            mixed.Markets[0],
            mixed.Markets[1] with { Mechanism = MarketMechanism.Tender, Award = TenderAward.Second, Duration = 3 },
            mixed.Markets[2] with { Mechanism = MarketMechanism.Tender, Award = TenderAward.First, Duration = 1 },
        ];
        var (reference, _) = await RunFiles.AssertEnginesAgree(mixed with { Markets = markets }, fixture.Grains, shards, minTrades: 20);
        var trades = System.Text.Encoding.UTF8.GetString(RunFiles.Read(reference)["trades.csv"]);
        foreach (var resource in new[] { "compute", "bandwidth" }) Assert.Contains($",{resource},", trades, StringComparison.Ordinal);

        var classic = TestScenarios.Classic();
        var tender = classic with { Markets = [classic.Markets[0] with { Mechanism = MarketMechanism.Tender, Award = TenderAward.Second, Duration = 2 }] };
        await RunFiles.AssertEnginesAgree(tender, fixture.Grains, shards, minTrades: 20);
    }
}
