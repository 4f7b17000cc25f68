using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Grains.Tests;

/// <summary>A small IoT economy on each settlement ledger: gifts, idle compute, and bursts of transactions (meters act every 5th tick).</summary>
public static class LedgerScenarios
{
    private const string Economy = """
        name: ledger
        seed: 5
        ticks: 30
        markets:
          - resource: compute
            price_range: [0.01, 5]
          - resource: bandwidth
            mechanism: call
            price_range: [0.01, 5]
          - resource: data
            price_range: [0.01, 10]
        devices:
          - type: edge-server
            count: 6
            strategy: zi-c
            wallet: 50
            produces: {compute: 40}
            costs: {compute: {uniform: [0.2, 0.6]}}
          - type: gateway
            count: 4
            strategy: zi-c
            wallet: 50
            produces: {bandwidth: 20}
            costs: {bandwidth: {uniform: [0.1, 0.4]}}
          - type: car
            count: 40
            strategy: zip
            wallet: {uniform: [20, 60]}
            every: 2
            produces: {data: 3}
            costs: {data: {uniform: [0.2, 0.8]}}
            consumes: {compute: 2, bandwidth: 2}
            values: {compute: {uniform: [0.5, 2]}, bandwidth: {uniform: [0.5, 1.5]}}
          - type: smart-meter
            count: 100
            strategy: zi-c
            wallet: {uniform: [2, 10]}
            every: 5
            produces: {data: 1}
            costs: {data: {uniform: [0.05, 0.3]}}
            consumes: {bandwidth: 1}
            values: {bandwidth: {uniform: [0.3, 1.0]}}
            gives: 0.1
          - type: data-buyer
            count: 2
            strategy: zi-c
            wallet: 5000
            consumes: {data: 40}
            values: {data: {normal: {mean: 1.2, sd: 0.3}}}
        """;

    /// <summary>A chain whose blocks a meters' tick overflows (a backlog), with a reward pool that the fees feed.</summary>
    public static Scenario ChainWithPool(params string[] overrides) =>
        ScenarioLoader.Parse(Economy + "\nledger: {kind: chain, fee: 0.05, block: 40, delay: 2}\nreward_pool: {fund: 100, payout: 0.2}", "chain.yaml", overrides);

    /// <summary>A feeless ledger: proof of work out of compute, a confirmation delay; no pool.</summary>
    public static Scenario Feeless(params string[] overrides) =>
        ScenarioLoader.Parse(Economy + "\nledger: {kind: feeless, pow: 3, delay: 3}", "feeless.yaml", overrides);

    /// <summary>A feeless ledger with a pool (idle compute mined).</summary>
    public static Scenario FeelessWithPool(params string[] overrides) =>
        ScenarioLoader.Parse(Economy + "\nledger: {kind: feeless, pow: 2, delay: 1}\nreward_pool: {fund: 50, payout: 0.5}", "feeless-pool.yaml", overrides);
}
