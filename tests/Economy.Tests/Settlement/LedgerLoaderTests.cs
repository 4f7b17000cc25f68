using M2MSim.Economy.Money;
using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Economy.Settlement;
using static M2MSim.Economy.Tests.Scenarios.ScenarioAssert;

namespace M2MSim.Economy.Tests.Settlement;

/// <summary>The root keys <c>ledger</c> and <c>reward_pool</c>: what they read, and the errors (file position and field) they give.</summary>
public sealed class LedgerLoaderTests
{
    // Minimal is 9 lines: what is appended starts on line 10.
    private static string With(string extra) => Minimal + "\n" + extra;

    [Fact]
    public void A_chain_a_feeless_ledger_and_a_pool_read_into_the_model()
    {
        var chain = ScenarioLoader.Parse(With("ledger: {kind: chain, fee: 0.05, block: 300, delay: 2}\nreward_pool: {fund: 100, payout: 0.2}"), "s.yaml");
        Assert.Equal(new LedgerSpec(LedgerKind.Chain, Fee: 50_000, Pow: 1, Block: 300, Delay: 2), chain.Ledger);
        Assert.Equal(new RewardPoolSpec(100 * Micros.PerUnit, 200_000), chain.RewardPool);
        Assert.Equal(100 * Micros.PerUnit, chain.AccountsSupply);
        Assert.True(chain.HasLedger);

        var feeless = ScenarioLoader.Parse(With("ledger: {kind: feeless, pow: 4, delay: 3}"), "s.yaml");
        Assert.Equal((LedgerKind.Feeless, 4, 3), (feeless.Ledger!.Kind, feeless.Ledger.Pow, feeless.Ledger.Delay));
        Assert.Null(feeless.RewardPool);

        // Defaults: fee 0.01, pow 1, block 1,000, delay 1; a pool pays out all it holds each tick.
        var defaults = ScenarioLoader.Parse(With("ledger: {kind: chain}\nreward_pool: {}"), "s.yaml");
        Assert.Equal(new LedgerSpec(LedgerKind.Chain, 10_000, 1, 1_000, 1), defaults.Ledger);
        Assert.Equal(new RewardPoolSpec(0, 1_000_000), defaults.RewardPool);

        // A direct ledger is no ledger at all; with a pool it is a ledger of accounts only.
        Assert.False(ScenarioLoader.Parse(With("ledger: {kind: direct}"), "s.yaml").HasLedger);
        Assert.True(ScenarioLoader.Parse(With("ledger: {kind: direct}\nreward_pool: {fund: 1}"), "s.yaml").HasLedger);
        Assert.False(ScenarioLoader.Parse(Minimal, "s.yaml").HasLedger);
    }

    [Fact]
    public void Settings_of_other_kinds_are_accepted_so_one_file_sweeps_across_kinds()
    {
        var yaml = With("ledger: {kind: feeless, fee: 0.2, pow: 2, block: 10, delay: 4}");
        Assert.Equal(LedgerKind.Feeless, ScenarioLoader.Parse(yaml, "s.yaml").Ledger!.Kind);
        var swept = ScenarioLoader.Parse(yaml, "s.yaml", ["ledger.kind=chain"]).Ledger!;
        Assert.Equal((LedgerKind.Chain, 200_000L, 10, 4), (swept.Kind, swept.Fee, swept.Block, swept.Delay));
    }

    [Fact]
    public void An_unknown_ledger_kind_is_reported_at_the_kind()
    {
        var e = Single(With("ledger: {kind: blockchain}"));
        AssertError(e, 10, 16, "ledger.kind", "unknown ledger kind 'blockchain'");
        Assert.Contains("direct, feeless, chain", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ledger_without_a_kind_or_with_an_unknown_key_is_reported()
    {
        AssertError(Single(With("ledger: {fee: 1}")), 10, 9, "ledger.kind", "kind");
        var e = Single(With("ledger:\n  kind: chain\n  blocks: 10"));
        AssertError(e, 12, 3, "ledger.blocks", "unknown key 'blocks'");
        AssertError(Single(With("reward_pool: {fund: 1, rate: 0.1}")), 10, 24, "reward_pool.rate", "unknown key 'rate'");
        AssertError(Single(With("ledger: chain")), 10, 9, "ledger", "mapping");
    }

    [Theory]
    [InlineData("ledger:\n  kind: chain\n  fee: -0.01", "ledger.fee")]
    [InlineData("ledger:\n  kind: chain\n  block: 0", "ledger.block")]
    [InlineData("ledger:\n  kind: chain\n  delay: 0", "ledger.delay")]
    [InlineData("ledger:\n  kind: feeless\n  pow: -1", "ledger.pow")]
    [InlineData("ledger:\n  kind: feeless\n  pow: 1000001", "ledger.pow")]
    [InlineData("ledger:\n  kind: feeless\n  pow: 1.5", "ledger.pow")]
    [InlineData("ledger:\n  kind: chain\n  delay: 100000001", "ledger.delay")]
    [InlineData("reward_pool:\n  fund: 1\n  payout: 0", "reward_pool.payout")]
    [InlineData("reward_pool:\n  fund: 1\n  payout: 1.5", "reward_pool.payout")]
    [InlineData("reward_pool:\n  fund: 1\n  payout: 0.0000001", "reward_pool.payout")]
    [InlineData("reward_pool:\n  payout: 0.5\n  fund: -1", "reward_pool.fund")]
    public void Out_of_range_settings_are_reported_at_their_line(string extra, string path)
    {
        var e = Single(With(extra));
        Assert.Equal(("s.yaml", 12, 3 + path.Split('.')[1].Length + 2, path), (e.File, e.Line, e.Column, e.Path));
    }

    [Fact]
    public void A_ledger_or_a_pool_with_a_negotiated_market_is_refused()
    {
        var negotiated = Minimal.Replace("price_range: [1, 2]", "mechanism: negotiation\n    price_range: [1, 2]");
        var e = Single(negotiated + "\nledger: {kind: chain}");
        AssertError(e, 11, 9, "ledger", "negotiated");
        AssertError(Single(negotiated + "\nreward_pool: {fund: 1}"), 11, 14, "reward_pool", "negotiated");
        // A direct ledger without a pool settles as if none were named: allowed.
        Assert.NotNull(ScenarioLoader.Parse(negotiated + "\nledger: {kind: direct}", "s.yaml"));
    }

    [Fact]
    public void A_ledger_with_unit_schedule_traders_is_refused()
    {
        const string schedules = """
            name: m
            ticks: 10
            markets:
              - resource: data
                price_range: [1, 200]
            devices:
              - type: buyer
                count: 2
                strategy: zi-c
                buys: {data: [150]}
              - type: seller
                count: 2
                strategy: zi-c
                sells: {data: [50]}
            ledger: {kind: feeless}
            """;
        AssertError(Single(schedules), 15, 9, "ledger", "population 'buyer' trades unit schedules");
    }

    [Fact]
    public void The_pools_fund_counts_towards_the_limit_on_the_initial_money()
    {
        // Devices and fund each within 10^12, together above it: the money supply must stay within the limit.
        var e = Single(Minimal.Replace("    strategy: zi-c", "    strategy: zi-c\n    wallet: 600000000000") + "\nreward_pool: {fund: 600000000000}");
        Assert.Equal("reward_pool.fund", e.Path);
        Assert.Contains("initial money", e.Message, StringComparison.Ordinal);
        Assert.NotNull(ScenarioLoader.Parse(Minimal.Replace("    strategy: zi-c", "    strategy: zi-c\n    wallet: 400000000000") + "\nreward_pool: {fund: 600000000000}", "s.yaml"));
    }
}
