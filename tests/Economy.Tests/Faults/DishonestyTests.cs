using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Economy.Tests.Simulation;

namespace M2MSim.Economy.Tests.Faults;

/// <summary>Dishonest sellers take payment and do not deliver; buyers with reputation stop bargaining with them.</summary>
public sealed class DishonestyTests
{
    private static string Economy(string seller, string buyer = "") => $$$"""
        name: trust
        ticks: 150
        seed: 11
        periods: {length: 10}
        markets: [{resource: data, mechanism: negotiation, price_range: [1, 200]}]
        devices:
          - {type: buyer, count: 30, wallet: 20000, strategy: {kind: conceder, deadline: 4}, buys: {data: [150]}{{{buyer}}}}
          - {type: seller, count: 10, strategy: {kind: conceder, deadline: 4}, sells: {data: [20, 30, 40]}{{{seller}}}}
        """;

    private static async Task<(long Deals, long Delivered, long Surplus, long WorstBuyer)> Run(string seller, string buyer = "")
    {
        var run = await SimulationRun.ExecuteAsync(ScenarioLoader.Parse(Economy(seller, buyer), "s.yaml"));
        var trades = run.Reports.SelectMany(r => r.Trades).ToArray();
        var buyers = run.FinalDevices.Where(d => d.Type == "buyer").ToArray();
        Assert.All(run.Reports, r => Assert.Equal(run.InitialSupply, r.Rows[0].MoneySupply + r.Rows[0].InFlight + r.Rows[0].FeesTotal));
        // Units a buyer paid for and never received: its deals less the units it got.
        var worst = buyers.Max(d => trades.Count(t => t.Buyer == d.Id) - d.Bought[2]);
        return (trades.Length, buyers.Sum(d => d.Bought[2]), buyers.Sum(d => d.Surplus), worst);
    }

    private static int DishonestSellers(string seller)
    {
        var builder = new PopulationBuilder(ScenarioLoader.Parse(Economy(seller), "s.yaml"));
        return Enumerable.Range(0, builder.DeviceCount).Select(builder.Build).Count(s => s.Dishonest);
    }

    [Fact]
    public async Task Dishonest_sellers_keep_the_money_and_buyers_with_reputation_lose_less_to_them()
    {
        var honest = await Run("");
        Assert.Equal(honest.Deals, honest.Delivered); // everyone delivers

        var cheated = await Run(", dishonest: 0.5");
        Assert.True(cheated.Delivered < cheated.Deals, $"{cheated.Delivered} of {cheated.Deals} delivered");

        var wary = await Run(", dishonest: 0.5", ", reputation: true");
        var lostWithout = (cheated.Deals - cheated.Delivered) / (double)cheated.Deals;
        var lostWith = (wary.Deals - wary.Delivered) / (double)wary.Deals;
        Assert.True(lostWith < lostWithout, $"share undelivered: {lostWith:P1} with reputation, {lostWithout:P1} without");
        Assert.True(wary.Surplus > cheated.Surplus, "buyers with reputation keep more of the surplus");
        // A buyer learns from its own losses only: each dishonest seller cheats it once at most.
        var dishonest = DishonestSellers(", dishonest: 0.5");
        Assert.InRange(dishonest, 2, 8);
        Assert.InRange(wary.WorstBuyer, 1, dishonest);
        Assert.True(cheated.WorstBuyer > dishonest, $"without reputation a buyer is cheated {cheated.WorstBuyer} times by {dishonest} sellers");
    }

    [Fact]
    public async Task Reputation_alone_turns_deliveries_on_and_changes_nothing_when_everyone_is_honest()
    {
        var plain = await Run("");
        var judged = await Run("", ", reputation: true");
        // Same deals and the same surplus: delivery takes one more message, never a unit or a price.
        Assert.Equal(plain, judged);
    }

    [Theory]
    [InlineData(", dishonest: 1.5", "devices[1].dishonest")]
    [InlineData(", reputation: sometimes", "devices[0].reputation")]
    public void Bad_values_name_the_field(string seller, string expected)
    {
        var yaml = expected.Contains("[0]", StringComparison.Ordinal) ? Economy("", seller) : Economy(seller);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, "s.yaml"));
        Assert.Contains(e.Errors, error => error.ToString().Contains(expected, StringComparison.Ordinal));
    }
}
