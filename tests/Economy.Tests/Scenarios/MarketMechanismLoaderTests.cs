using M2MSim.Economy.Markets;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Economy.Tests.Scenarios;

public sealed class MarketMechanismLoaderTests
{
    // Line numbers matter: the market's options are inserted at line 6, column 5.
    private const string Template = """
        name: m
        ticks: 10
        markets:
          - resource: compute
            price_range: [1, 3]
        {0}
        devices:
          - type: a
            count: 1
            strategy: zi-c
        """;

    private static Scenario Load(string options) => ScenarioLoader.Parse(With(options), "s.yaml");

    private static string With(string options) =>
        Template.Replace("{0}", string.Join("\n", options.Split('\n').Select(l => "    " + l)));

    private static ScenarioError Single(string options)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(With(options), "s.yaml"));
        return Assert.Single(e.Errors);
    }

    [Fact]
    public void Defaults_are_a_plain_cda()
    {
        var m = Load("fee: 0").Markets[0];
        Assert.Equal((MarketMechanism.Cda, false, false, (double?)null, 0.1), (m.Mechanism, m.NyseRule, m.ClearAfterTrade, m.InitialPrice, m.Adjust));
        Assert.IsType<ContinuousDoubleAuction>(MarketMechanisms.Create(m, 1));
    }

    [Fact]
    public void Cda_options_are_read()
    {
        var m = Load("mechanism: cda\nnyse_rule: true\nclear_after_trade: true").Markets[0];
        Assert.Equal((MarketMechanism.Cda, true, true), (m.Mechanism, m.NyseRule, m.ClearAfterTrade));
        var cda = Assert.IsType<ContinuousDoubleAuction>(MarketMechanisms.Create(m, 1));
        Assert.True(cda.NyseRule && cda.ClearAfterTrade);
    }

    [Fact]
    public void Call_market_is_read()
    {
        var m = Load("mechanism: call").Markets[0];
        Assert.Equal(MarketMechanism.Call, m.Mechanism);
        Assert.IsType<CallMarket>(MarketMechanisms.Create(m, 1));
    }

    [Fact]
    public void Posted_price_options_are_read()
    {
        var m = Load("mechanism: posted\ninitial_price: 2.5\nadjust: 0.3").Markets[0];
        Assert.Equal((MarketMechanism.Posted, (double?)2.5, 0.3), (m.Mechanism, m.InitialPrice, m.Adjust));
        Assert.Equal(2_500_000, Assert.IsType<PostedPrice>(MarketMechanisms.Create(m, 1)).Price);

        Assert.Equal(2_000_000, Assert.IsType<PostedPrice>(MarketMechanisms.Create(Load("mechanism: posted").Markets[0], 1)).Price);
    }

    [Fact]
    public void A_tender_defaults_to_second_price_and_one_tick_jobs()
    {
        var m = Load("mechanism: tender").Markets[0];
        Assert.Equal((MarketMechanism.Tender, (TenderAward?)TenderAward.Second, (int?)1), (m.Mechanism, m.Award, m.Duration));
        var tender = Assert.IsType<Tender>(MarketMechanisms.Create(m, 1));
        Assert.Equal((TenderAward.Second, 1), (tender.Award, tender.Duration));
    }

    [Fact]
    public void Tender_options_are_read()
    {
        var m = Load("mechanism: tender\naward: first\nduration: 3").Markets[0];
        Assert.Equal((MarketMechanism.Tender, (TenderAward?)TenderAward.First, (int?)3), (m.Mechanism, m.Award, m.Duration));
        var tender = Assert.IsType<Tender>(MarketMechanisms.Create(m, 1));
        Assert.Equal((TenderAward.First, 3), (tender.Award, tender.Duration));

        // Other mechanisms carry no tender options at all.
        Assert.Equal(((TenderAward?)null, (int?)null), (Load("mechanism: call").Markets[0].Award, Load("mechanism: call").Markets[0].Duration));
    }

    [Theory]
    [InlineData("award: first", "award", "award applies only to mechanism tender, not to cda", "")]
    [InlineData("duration: 2", "duration", "duration applies only to mechanism tender, not to posted", "mechanism: posted\n")]
    [InlineData("nyse_rule: true", "nyse_rule", "nyse_rule applies only to mechanism cda, not to tender", "mechanism: tender\n")]
    [InlineData("nyse_rule: true", "nyse_rule", "nyse_rule applies only to mechanism cda, not to call", "mechanism: call\n")]
    [InlineData("clear_after_trade: false", "clear_after_trade", "clear_after_trade applies only to mechanism cda, not to posted", "mechanism: posted\n")]
    [InlineData("initial_price: 2", "initial_price", "initial_price applies only to mechanism posted, not to cda", "")]
    [InlineData("adjust: 0.2", "adjust", "adjust applies only to mechanism posted, not to call", "mechanism: call\n")]
    public void An_option_of_another_mechanism_is_an_error(string option, string key, string message, string mechanism)
    {
        var e = Single(mechanism + option);
        var line = mechanism.Length == 0 ? 6 : 7;
        Assert.Equal((line, 5 + key.Length + 2, $"markets[0].{key}"), (e.Line, e.Column, e.Path));
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("mechanism: posted\ninitial_price: 3.5", "initial_price", "must be within price_range [1, 3], got 3.5")]
    [InlineData("mechanism: posted\ninitial_price: 0.9999", "initial_price", "must be within price_range [1, 3], got 0.9999")]
    [InlineData("mechanism: posted\nadjust: 1.5", "adjust", "1.5")]
    [InlineData("mechanism: posted\nadjust: -0.1", "adjust", "-0.1")]
    [InlineData("mechanism: cda\nnyse_rule: yes please", "nyse_rule", "yes please")]
    [InlineData("mechanism: tender\naward: third", "award", "unknown award 'third'; valid awards: first, second")]
    [InlineData("mechanism: tender\naward: [first]", "award", "expected a text value")]
    [InlineData("mechanism: tender\nduration: 0", "duration", "0")]
    [InlineData("mechanism: tender\nduration: 1.5", "duration", "1.5")]
    public void Bad_values_are_errors_at_their_key(string options, string key, string messagePart)
    {
        var e = Single(options);
        Assert.Equal((7, $"markets[0].{key}"), (e.Line, e.Path));
        Assert.Contains(messagePart, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_mechanisms_list_the_valid_ones()
    {
        var e = Single("mechanism: auction");
        Assert.Equal((6, 16, "markets[0].mechanism"), (e.Line, e.Column, e.Path));
        Assert.Equal("unknown mechanism 'auction'; valid mechanisms: cda, call, posted, negotiation, tender", e.Message);
    }

    [Fact]
    public void Overrides_switch_the_mechanism_and_are_checked_like_the_file()
    {
        var s = ScenarioLoader.Parse(With("fee: 0"), "s.yaml", ["markets[0].mechanism=posted", "markets[0].adjust=0.5"]);
        Assert.Equal((MarketMechanism.Posted, 0.5), (s.Markets[0].Mechanism, s.Markets[0].Adjust));

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(With("fee: 0"), "s.yaml", ["markets[0].nyse_rule=true", "markets[0].mechanism=call"]));
        Assert.Contains(e.Errors, x => x.Path == "markets[0].nyse_rule" && x.Message.Contains("only to mechanism cda", StringComparison.Ordinal));
    }

    [Fact]
    public void The_new_keys_round_trip_through_json()
    {
        var s = Load("mechanism: posted\ninitial_price: 2.5\nadjust: 0.3");
        var json = ScenarioJson.Serialize(s);
        Assert.Contains("\"mechanism\": \"posted\"", json, StringComparison.Ordinal);
        Assert.Contains("\"initial_price\": 2.5", json, StringComparison.Ordinal);
        Assert.Equal(s.Markets, ScenarioJson.Deserialize(json).Markets);

        var cda = Load("nyse_rule: true\nclear_after_trade: true");
        Assert.Equal(cda.Markets, ScenarioJson.Deserialize(ScenarioJson.Serialize(cda)).Markets);
        Assert.Equal(MarketMechanism.Call, ScenarioJson.Deserialize(ScenarioJson.Serialize(Load("mechanism: call"))).Markets[0].Mechanism);

        var tender = Load("mechanism: tender\naward: first\nduration: 4");
        var tenderJson = ScenarioJson.Serialize(tender);
        Assert.Contains("\"award\": \"first\"", tenderJson, StringComparison.Ordinal);
        Assert.Contains("\"duration\": 4", tenderJson, StringComparison.Ordinal);
        Assert.Equal(tender.Markets, ScenarioJson.Deserialize(tenderJson).Markets);
        // Other mechanisms' manifests read as before the tender existed.
        Assert.DoesNotContain("award", ScenarioJson.Serialize(cda), StringComparison.Ordinal);
    }
}
