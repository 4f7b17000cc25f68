using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Grains.Tests;

/// <summary>A small IoT economy on each settlement ledger: gifts, idle compute, and bursts of transactions (meters act every 5th tick).</summary>
public static class LedgerScenarios
{
    // The shared economy (tests/Shared/LedgerEconomy.cs), shorter and with learning cars, whose state a checkpoint must carry.
    private const string Economy = M2MSim.Tests.Shared.LedgerEconomy.Yaml;
    private static readonly string[] Here = ["ticks=30", "devices.car.strategy=zip"];

    /// <summary>A chain whose blocks a meters' tick overflows (a backlog), with a reward pool that the fees feed.</summary>
    public static Scenario ChainWithPool(params string[] overrides) =>
        ScenarioLoader.Parse(Economy + "\nledger: {kind: chain, fee: 0.05, block: 40, delay: 2}\nreward_pool: {fund: 100, payout: 0.2}", "chain.yaml", [.. Here, .. overrides]);

    /// <summary>A feeless ledger: proof of work out of compute, a confirmation delay; no pool.</summary>
    public static Scenario Feeless(params string[] overrides) =>
        ScenarioLoader.Parse(Economy + "\nledger: {kind: feeless, pow: 3, delay: 3}", "feeless.yaml", [.. Here, .. overrides]);

    /// <summary>A feeless ledger with a pool (idle compute mined).</summary>
    public static Scenario FeelessWithPool(params string[] overrides) =>
        ScenarioLoader.Parse(Economy + "\nledger: {kind: feeless, pow: 2, delay: 1}\nreward_pool: {fund: 50, payout: 0.5}", "feeless-pool.yaml", [.. Here, .. overrides]);
}
