using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;
using static M2MSim.Economy.Tests.Scenarios.ScenarioAssert;

namespace M2MSim.Economy.Tests.Scenarios;

/// <summary><c>redraw: true</c>: values and costs drawn afresh every active tick (the market benchmark of issue 7).</summary>
public sealed class RedrawTests
{
    private const long U = 1_000_000;

    // Line numbers matter: the error tests point into this text.
    private static string Market(string redraw) => $"""
        name: market
        ticks: 10
        markets: [{"{"}resource: compute, fee: 0, price_range: [1, 200]{"}"}]
        devices:
          - type: buyer
            count: 4
            strategy: zi-c
            wallet: 100000
            consumes: {"{"}compute: 1{"}"}
            values: {"{"}compute: {"{"}uniform: [1, 200]{"}"}{"}"}
            {redraw}
          - type: seller
            count: 4
            strategy: zi-c
            produces: {"{"}compute: 1{"}"}
            costs: {"{"}compute: {"{"}uniform: [1, 200]{"}"}{"}"}
        """;

    private static Scenario Load(string redraw) => ScenarioLoader.Parse(Market(redraw), "s.yaml");

    [Fact]
    public void Redraw_is_read_and_left_out_when_absent()
    {
        Assert.True(Load("redraw: true").Populations[0].Redraw);
        Assert.Null(Load("redraw: false").Populations[0].Redraw);
        Assert.Null(Load("").Populations[0].Redraw);
        Assert.DoesNotContain("redraw", ScenarioJson.Serialize(Load("")), StringComparison.Ordinal);
        Assert.True(ScenarioJson.Deserialize(ScenarioJson.Serialize(Load("redraw: true"))).Populations[0].Redraw);
    }

    [Fact]
    public void Redraw_must_be_true_or_false()
    {
        AssertError(Single(Market("redraw: often")), 11, 13, "devices[0].redraw", "expected true or false");
    }

    [Fact]
    public void Redraw_needs_values_or_costs_to_draw()
    {
        const string yaml = """
            name: givers
            ticks: 3
            markets: [{resource: data, price_range: [1, 2]}]
            devices:
              - {type: agent, count: 3, strategy: zi-c, wallet: 1, gives: 1, redraw: true}
            """;
        AssertError(Single(yaml), 5, 74, "devices[0].redraw", "has none");
    }

    [Fact]
    public void A_redrawing_buyer_values_its_unit_afresh_each_tick_within_the_distribution()
    {
        var device = new Device(new PopulationBuilder(Load("redraw: true")).Build(0));
        var values = new HashSet<long>();
        OrderResult[] last = [];
        for (var tick = 0; tick < 20; tick++)
        {
            var order = Assert.Single(device.Step(tick, last, final: false).Orders);
            Assert.InRange(order.Reservation, 1 * U, 200 * U);
            Assert.InRange(order.LimitPrice, 1 * U, order.Reservation); // ZI-C: uniform on [1, value]
            values.Add(order.Reservation);
            last = [new OrderResult(order.Id, order.Device, order.Resource, order.Side, order.Quantity, order.LimitPrice, 0, 0, 0)];
        }
        Assert.True(values.Count >= 18, $"values should change from tick to tick, got {values.Count} distinct of 20");
    }

    [Fact]
    public void Without_redraw_a_value_is_drawn_once_and_other_draws_do_not_shift()
    {
        var fixedSpec = new PopulationBuilder(Load("")).Build(0);
        var redrawSpec = new PopulationBuilder(Load("redraw: true")).Build(0);
        // The spec's own draws (wallet, phase, the first value) are the same with or without redraw.
        Assert.Equal(fixedSpec.Values, redrawSpec.Values);
        Assert.Equal(fixedSpec.InitialBalance, redrawSpec.InitialBalance);
        Assert.Null(fixedSpec.Redraw);

        var device = new Device(fixedSpec);
        var first = Assert.Single(device.Step(0, [], final: false).Orders);
        var result = new OrderResult(first.Id, first.Device, first.Resource, first.Side, first.Quantity, first.LimitPrice, 0, 0, 0);
        Assert.Equal(first.Reservation, Assert.Single(device.Step(1, [result], final: false).Orders).Reservation);
    }
}
