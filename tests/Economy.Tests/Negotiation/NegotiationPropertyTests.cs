using System.Globalization;
using FsCheck.Xunit;
using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Economy.Tests.Simulation;

namespace M2MSim.Economy.Tests.Negotiation;

/// <summary>Whole negotiated economies on the reference engine: what must hold whatever the tactics, deadlines, fees and periods.</summary>
public sealed class NegotiationPropertyTests
{
    private static readonly string[] Tactics = ["boulware", "linear", "conceder", "tit-for-tat"];

    /// <summary>A random negotiated economy, as a scenario file, from one number.</summary>
    private static string Economy(int seed)
    {
        var random = new Random(seed);
        string Units(int lo, int hi) => "[" + string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(lo, hi))) + "]";
        string Strategy()
        {
            var deadline = random.Next(2) == 0 ? random.Next(1, 12).ToString(CultureInfo.InvariantCulture) : $"{{uniform: [2, {random.Next(3, 15)}]}}";
            return $"{{kind: {Tactics[random.Next(Tactics.Length)]}, deadline: {deadline}}}";
        }
        var populations = new List<string>();
        for (var p = 0; p < random.Next(1, 4); p++)
            populations.Add($"  - {{type: b{p}, count: {random.Next(1, 5)}, wallet: {random.Next(0, 600)}, strategy: {Strategy()}, buys: {{data: {Units(40, 200)}}}}}");
        for (var p = 0; p < random.Next(1, 4); p++)
            populations.Add($"  - {{type: s{p}, count: {random.Next(p == 0 ? 1 : 0, 5)}, strategy: {Strategy()}, sells: {{data: {Units(1, 160)}}}}}");
        var periods = random.Next(2) == 0 ? "" : $"periods: {{length: {random.Next(6, 30)}}}";
        var fee = random.Next(3) == 0 ? ", fee: 0.05" : "";
        return $$"""
            name: random
            seed: {{random.Next()}}
            ticks: {{random.Next(1, 40)}}
            {{periods}}
            markets:
              - {resource: data, mechanism: negotiation, price_range: [{{random.Next(1, 20)}}, 200]{{fee}}}
            devices:
            {{string.Join("\n", populations)}}
            """;
    }

    [Property(MaxTest = 150)]
    public void Deals_never_lose_money_and_the_money_supply_is_kept(int economy)
    {
        var scenario = ScenarioLoader.Parse(Economy(economy), "random.yaml");
        var run = SimulationRun.Execute(scenario); // the engine checks money at every barrier and throws if it broke
        var trades = run.Reports.SelectMany(r => r.Trades).ToArray();
        var longest = scenario.Populations.Max(p => p.Strategy.Deadline!.Max);
        foreach (var t in trades)
        {
            Assert.InRange(t.Price, 0, t.BuyerValue);              // a buyer never pays above its value
            Assert.True(t.Price - t.Fee >= t.SellerCost, $"{t}"); // a seller never keeps less than its cost
            Assert.InRange(t.Rounds, 1, (int)longest + 1);
        }
        // After the final settlement nothing is in flight: every deal was paid and credited.
        Assert.Equal(run.InitialSupply, run.FinalDevices.Sum(d => d.Balance + d.Escrow) + trades.Sum(t => t.Fee));
        Assert.All(run.FinalDevices, d => Assert.Equal(0, d.Escrow)); // every negotiation ended with the run
        Assert.Equal(trades.Length, run.FinalDevices.Sum(d => d.Bought[2]));
        Assert.Equal(trades.Length, run.FinalDevices.Sum(d => d.Sold[2]));
    }

    [Fact]
    public void The_random_economies_mostly_strike_deals_so_the_property_is_not_vacuous()
    {
        var runs = Enumerable.Range(0, 60).Select(i => SimulationRun.Execute(ScenarioLoader.Parse(Economy(i), "random.yaml"))).ToArray();
        var withDeals = runs.Count(r => r.Reports.Any(t => t.Trades.Length > 0));
        Assert.InRange(withDeals, 30, 60);
        Assert.Contains(runs, r => r.Reports.SelectMany(t => t.Trades).Any(t => t.Fee > 0));
        Assert.Contains(runs, r => r.Reports.SelectMany(t => t.Trades).Any(t => t.Rounds > 3));
    }

    [Fact]
    public void A_seller_whose_cost_is_the_top_of_the_range_sells_only_at_it()
    {
        var scenario = ScenarioLoader.Parse(Bargaining.Scenario(
            "strategy: {kind: boulware, deadline: 6}, buys: {data: [150]}",
            "strategy: {kind: conceder, deadline: 6}, sells: {data: [100]}",
            market: "price_range: [1, 100]").Replace("ticks: 100", "ticks: 20"), "s.yaml");
        var run = SimulationRun.Execute(scenario);
        var deal = Assert.Single(run.Reports.SelectMany(r => r.Trades));
        Assert.Equal(100_000_000, deal.Price);
        Assert.Equal(0, run.FinalDevices[1].Surplus);
    }

    [Fact]
    public void A_deal_accepted_at_the_last_tick_is_paid_in_the_final_settlement()
    {
        // Tick 0: the buyer opens at 10; tick 1 (the last): the seller accepts; the buyer pays after the run.
        var scenario = ScenarioLoader.Parse(Bargaining.Scenario(
            "strategy: {kind: boulware, deadline: 4}, buys: {data: [150]}",
            "strategy: {kind: conceder, deadline: 1}, sells: {data: [5]}",
            market: "price_range: [10, 200]").Replace("ticks: 100", "ticks: 2"), "s.yaml");
        var run = SimulationRun.Execute(scenario);
        Assert.Equal(1, Assert.Single(run.Reports[1].Trades).Tick);
        Assert.Equal(150_000_000, run.DevicesAfterTick[1][0].Escrow); // the unit's value, still held when the run ends
        Assert.Equal((990_000_000L, 0L), (run.FinalDevices[0].Balance, run.FinalDevices[0].Escrow));
        Assert.Equal(10_000_000, run.FinalDevices[1].Balance);
    }
}
