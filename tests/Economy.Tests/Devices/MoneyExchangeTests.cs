using M2MSim.Economy.Devices;
using M2MSim.Economy.Metrics;
using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Economy.Simulation;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Devices;

/// <summary>The random exchange of money: devices give to uniformly random others, and nobody goes below zero.</summary>
public sealed class MoneyExchangeTests
{
    private static DeviceSpec Giver(int id, long balance, long gives, int devices, int every = 1) =>
        new(id, "agent", new StrategySpec(StrategyKind.ZiC), balance, [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], every, 0,
            [default, default, default, default], 7, Gives: gives, Devices: devices);

    [Fact]
    public void A_device_gives_to_someone_else_only_what_it_can_afford()
    {
        var device = new Device(Giver(id: 3, balance: 25, gives: 10, devices: 5));

        var first = device.Step(0, [], final: false);
        var second = device.Step(1, [], final: false);
        var third = device.Step(2, [], final: false);

        var gift = Assert.Single(first.Messages!);
        Assert.Equal(3, gift.From);
        Assert.NotEqual(3, gift.To);
        Assert.InRange(gift.To, 0, 4);
        Assert.Equal(10, gift.Amount);
        Assert.Single(second.Messages!);
        Assert.Null(third.Messages); // 5 left: cannot afford 10
        Assert.Equal(5, third.Wealth);
    }

    [Fact]
    public void A_step_given_a_list_adds_its_messages_to_it_and_returns_none()
    {
        var spec = Giver(id: 3, balance: 25, gives: 10, devices: 5);
        var (alone, listed) = (new Device(spec), new Device(spec));
        var sent = new List<PeerMessage> { PeerMessage.Gift(9, 3, 1) }; // what other steps sent before stays

        var expected = alone.Step(0, [], final: false);
        var result = listed.Step(0, [], final: false, sent: sent);

        Assert.Null(result.Messages);
        Assert.Equal([PeerMessage.Gift(9, 3, 1), Assert.Single(expected.Messages!)], sent);
        Assert.Equal(expected.Wealth, result.Wealth);
        // The thread's next step without a list gets its own message back, and the list is left alone.
        Assert.Equal(alone.Step(1, [], final: false).Messages, listed.Step(1, [], final: false).Messages);
        Assert.Equal(2, sent.Count);
    }

    [Fact]
    public void Recipients_are_uniform_over_the_others()
    {
        const int devices = 5;
        var counts = new int[devices];
        for (var tick = 0; tick < 20_000; tick++)
        {
            var device = new Device(Giver(id: 2, balance: 1, gives: 1, devices));
            counts[Assert.Single(device.Step(tick, [], final: false).Messages!).To]++;
        }
        Assert.Equal(0, counts[2]);
        Assert.All(counts.Where((_, i) => i != 2), c => Assert.InRange(c, 4_700, 5_300)); // 5,000 expected each
    }

    [Fact]
    public void Money_received_is_credited_and_a_misaddressed_transfer_is_refused()
    {
        var device = new Device(Giver(id: 1, balance: 0, gives: 5, devices: 3));

        var step = device.Step(0, [], final: true, incoming: [PeerMessage.Gift(0, 1, 7), PeerMessage.Gift(2, 1, 3)]);

        Assert.Equal(10, step.Wealth);
        Assert.Throws<InvalidOperationException>(() => device.Step(1, [], final: true, incoming: [PeerMessage.Gift(0, 2, 1)]));
    }

    [Fact]
    public async Task A_random_exchange_economy_conserves_money_with_money_in_flight_and_spreads_wealth()
    {
        var scenario = ScenarioLoader.Parse("""
            name: boltzmann
            ticks: 400
            markets: [{resource: data, price_range: [1, 2]}]
            devices:
              - {type: agent, count: 100, strategy: zi-c, wallet: 10, gives: 1}
            """, "b.yaml");
        await using var engine = new ReferenceEngine(scenario);
        var supply = await engine.StartAsync(CancellationToken.None);

        TickReport last = null!;
        for (var t = 0; t < scenario.Ticks; t++)
        {
            last = await engine.RunTickAsync(t, CancellationToken.None); // throws if money is not conserved
            var row = last.Rows[0];
            Assert.Equal(supply, row.MoneySupply + row.InFlight + row.FeesTotal);
            Assert.InRange(row.InFlight, 1, 100 * M2MSim.Economy.Money.Micros.PerUnit); // at most one unit per device is ever in flight
        }
        await engine.SettleAsync(scenario.Ticks, CancellationToken.None);

        var balances = new List<long>();
        await foreach (var d in engine.DevicesAsync(CancellationToken.None)) balances.Add(d.Balance);
        Assert.Equal(supply, balances.Sum());
        Assert.All(balances, b => Assert.True(b >= 0));
        Assert.InRange(last.Rows[0].Gini, 0.3, 0.7); // from 0 (everyone equal) towards the exponential's 0.5
    }

    [Fact]
    public void A_gift_must_be_positive_and_representable()
    {
        const string scenario = """
            name: b
            ticks: 1
            markets: [{resource: data, price_range: [1, 2]}]
            devices:
              - {type: agent, count: 2, strategy: zi-c, wallet: 10, gives: 0}
            """;
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(scenario, "b.yaml")).Errors);
        Assert.Equal("devices[0].gives", error.Path);
        Assert.Equal(1.0, ScenarioLoader.Parse(scenario, "b.yaml", ["devices.agent.gives=1"]).Populations[0].Gives);
    }
}
