namespace M2MSim.Tests.Shared;

/// <summary>
/// A small IoT economy for the settlement-ledger tests of every test project: gifts, idle compute and
/// bursts of transactions (the meters act every 5th tick). A test adds its ledger and pool keys.
/// </summary>
public static class LedgerEconomy
{
    public const string Yaml = """
        name: ledger
        seed: 5
        ticks: 40
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
            strategy: zi-c
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
}
