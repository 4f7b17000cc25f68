using M2MSim.Economy.Markets;
using M2MSim.Economy.Negotiation;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Economy.Strategies;
using static M2MSim.Economy.Tests.Scenarios.ScenarioAssert;

namespace M2MSim.Economy.Tests.Negotiation;

/// <summary>Negotiated markets and tactics in scenario files: what loads, and the errors that point at the mistake.</summary>
public sealed class NegotiationLoaderTests
{
    // Line numbers matter: the buyer's strategy is at line 7, the seller's at line 8.
    private static string File(string buyer = "boulware", string seller = "conceder", string mechanism = "negotiation", string buyerTrades = "buys: {data: [150]}") => $$$"""
        name: n
        ticks: 10
        markets:
          - {resource: data, mechanism: {{{mechanism}}}, price_range: [1, 200]}
          - {resource: compute, price_range: [1, 200]}
        devices:
          - {type: b, count: 2, wallet: 500, strategy: {{{buyer}}}, {{{buyerTrades}}}}
          - {type: s, count: 2, strategy: {{{seller}}}, sells: {data: [50]}}
        """;

    [Fact]
    public void Tactics_load_with_their_defaults_and_parameters()
    {
        var scenario = ScenarioLoader.Parse(File("{kind: boulware, beta: 0.05, deadline: {uniform: [5, 15]}}", "{kind: tit-for-tat, delta: 2, deadline: 8}"), "s.yaml");
        var (buyer, seller) = (scenario.Populations[0].Strategy, scenario.Populations[1].Strategy);
        Assert.Equal((StrategyKind.Boulware, 0.05, Distribution.Uniform(5, 15)), (buyer.Kind, buyer.ResolvedBeta, buyer.Deadline));
        Assert.Equal((StrategyKind.TitForTat, (int?)2, Distribution.Fixed(8)), (seller.Kind, seller.Delta, seller.Deadline));
        Assert.IsType<BilateralNegotiation>(MarketMechanisms.Create(scenario.Markets[0], 1));
        Assert.Equal(StrategySpec.DefaultBoulwareBeta, new StrategySpec(StrategyKind.Boulware).ResolvedBeta);
        Assert.Equal(StrategySpec.DefaultConcederBeta, ((TimeDependentTactic)new StrategySpec(StrategyKind.Conceder).CreateTactic()!).Beta);
        Assert.Equal(1, ((TimeDependentTactic)new StrategySpec(StrategyKind.Linear).CreateTactic()!).Beta);

        var builder = new PopulationBuilder(scenario);
        var deadlines = Enumerable.Range(0, 2).Select(i => builder.Build(i).Deadline).ToArray();
        Assert.All(deadlines, d => Assert.InRange(d, 5, 15));
        Assert.Equal([new M2MSim.Economy.Devices.IdRange(2, 2)], builder.Build(0).Sellers![(int)M2MSim.Economy.Resources.Resource.Data]!);
        Assert.Equal(8, builder.Build(3).Deadline);
    }

    [Fact]
    public void A_market_strategy_cannot_trade_a_negotiated_resource()
    {
        var e = Single(File(buyer: "zi-c"));
        AssertError(e, 7, 61, "devices[0].buys.data", "'data' is traded by negotiation, so this population's strategy must be a negotiation tactic (boulware, linear, conceder, tit-for-tat), not zi-c");
    }

    [Fact]
    public void A_tactic_cannot_quote_in_a_market()
    {
        var e = Single(File(mechanism: "cda", seller: "zi-c"));
        AssertError(e, 7, 65, "devices[0].buys.data", "'data' is not traded by negotiation (its market's mechanism is cda), and boulware is a negotiation tactic");
    }

    [Fact]
    public void A_tactic_trades_units_of_schedules()
    {
        var e = Single(File(buyerTrades: "consumes: {compute: 1}, values: {compute: 10}", seller: "conceder"));
        AssertError(e, 7, 48, "devices[0].strategy", "boulware is a negotiation tactic: its population trades units of schedules (buys, sells)");
    }

    [Theory]
    [InlineData("{kind: boulware, beta: 2}", "devices[0].strategy.beta", "must be")]
    [InlineData("{kind: conceder, beta: 0.5}", "devices[0].strategy.beta", "must be")]
    [InlineData("{kind: linear, beta: 2}", "devices[0].strategy.beta", "beta applies only to boulware, conceder, not to linear")]
    [InlineData("{kind: boulware, delta: 2}", "devices[0].strategy.delta", "delta applies only to tit-for-tat, not to boulware")]
    [InlineData("{kind: boulware, deadline: 0}", "devices[0].strategy.deadline", "a deadline is at least 1 round")]
    [InlineData("{kind: boulware, margin: 0.1}", "devices[0].strategy.margin", "margin applies only to fixed-margin, not to boulware")]
    [InlineData("{kind: tit-for-tat, delta: 0}", "devices[0].strategy.delta", "must be")]
    public void Bad_tactic_parameters_are_named(string strategy, string path, string message)
    {
        var e = Single(File(buyer: strategy));
        Assert.Equal((7, path), (e.Line, e.Path));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deadlines_on_market_strategies_are_refused()
    {
        var e = Single(File(mechanism: "cda", buyer: "{kind: zi-c, deadline: 5}", seller: "zi-c"));
        AssertError(e, 7, 71, "devices[0].strategy.deadline", "deadline applies only to boulware, linear, conceder, tit-for-tat, not to zi-c");
    }
}
