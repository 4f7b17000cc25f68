using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Economy.Tests.Simulation;

namespace M2MSim.Economy.Tests.Faults;

/// <summary><c>network: {loss: p}</c>: negotiation moves lost on the way; negotiations time out and trade goes on.</summary>
public sealed class MessageLossTests
{
    private static string Economy(string network) => $$$"""
        name: lossy
        ticks: 120
        seed: 5
        {{{network}}}
        markets: [{resource: data, mechanism: negotiation, price_range: [1, 200]}]
        devices:
          - {type: buyer, count: 20, wallet: 5000, strategy: {kind: linear, deadline: {uniform: [3, 8]}}, buys: {data: [150, 140, 130, 120, 110, 100, 90, 80, 70, 60]}}
          - {type: seller, count: 20, strategy: {kind: linear, deadline: {uniform: [3, 8]}}, sells: {data: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]}}
        """;

    [Fact]
    public async Task Lost_moves_are_counted_negotiations_time_out_and_trade_goes_on_to_the_end()
    {
        var run = await SimulationRun.ExecuteAsync(ScenarioLoader.Parse(Economy("network: {loss: 0.3}"), "s.yaml"));
        var rows = run.Reports.Select(r => r.Rows[0]).ToArray();
        Assert.True(rows.Sum(r => r.LostMessages) > 50, $"{rows.Sum(r => r.LostMessages)} lost");
        // Without time-outs a buyer whose move was lost would hold its escrow, and trade nothing, to the end.
        Assert.True(rows.Skip(80).Sum(r => r.Trades) > 0, "trades in the last third");
        Assert.All(rows, r => Assert.Equal(run.InitialSupply, r.MoneySupply + r.InFlight + r.FeesTotal));
        Assert.All(run.FinalDevices, d => Assert.Equal(0, d.Escrow));

        var clean = await SimulationRun.ExecuteAsync(ScenarioLoader.Parse(Economy(""), "s.yaml"));
        Assert.All(clean.Reports, r => Assert.Equal(0, r.Rows[0].LostMessages));
        Assert.True(clean.Reports.Sum(r => r.Rows[0].Trades) > rows.Sum(r => r.Trades), "loss costs trades");
    }

    [Theory]
    [InlineData("network: {loss: 1}", "s.yaml:4:17: network.loss")]
    [InlineData("network: {delay: 2}", "network.delay")]
    public void Bad_networks_name_file_line_and_field(string network, string expected)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Economy(network), "s.yaml"));
        Assert.Contains(e.Errors, error => error.ToString().Contains(expected, StringComparison.Ordinal));
    }
}
