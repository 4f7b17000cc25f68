using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Metrics;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Simulation;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Simulation;

public sealed class DeterminismTests
{
    private static Scenario Market(ulong seed) => new(
        "determinism", "three goods, three kinds of device", seed, 20,
        [
            new MarketSpec(Resource.Data, MarketMechanism.Cda, 0.01, 0.5, 12),
            new MarketSpec(Resource.Compute, MarketMechanism.Cda, 0.02, 0.1, 10),
            new MarketSpec(Resource.Bandwidth, MarketMechanism.Cda, 0, 0.1, 8),
        ],
        [
            new PopulationSpec("producer", 25, new StrategySpec(StrategyKind.ZiC), Distribution.Uniform(5, 20), 1,
                new Dictionary<Resource, Distribution> { [Resource.Compute] = Distribution.Uniform(1, 6), [Resource.Bandwidth] = Distribution.Fixed(3), [Resource.Data] = Distribution.Normal(2, 1) },
                new Dictionary<Resource, Distribution>(),
                new Dictionary<Resource, Distribution>(),
                new Dictionary<Resource, Distribution> { [Resource.Compute] = Distribution.Uniform(0.5, 3), [Resource.Bandwidth] = Distribution.Uniform(0.5, 2), [Resource.Data] = Distribution.Fixed(1) }),
            new PopulationSpec("consumer", 30, new StrategySpec(StrategyKind.FixedMargin, 0.1), Distribution.Normal(60, 15), 2,
                new Dictionary<Resource, Distribution>(),
                new Dictionary<Resource, Distribution> { [Resource.Compute] = Distribution.Uniform(1, 5), [Resource.Bandwidth] = Distribution.Uniform(0, 4), [Resource.Data] = Distribution.Fixed(2) },
                new Dictionary<Resource, Distribution> { [Resource.Compute] = Distribution.Uniform(2, 9), [Resource.Bandwidth] = Distribution.Uniform(1, 7), [Resource.Data] = Distribution.Normal(6, 2) },
                new Dictionary<Resource, Distribution>()),
            new PopulationSpec("trader", 15, new StrategySpec(StrategyKind.ZiC), Distribution.Fixed(30), 3,
                new Dictionary<Resource, Distribution> { [Resource.Data] = Distribution.Uniform(0, 8) },
                new Dictionary<Resource, Distribution> { [Resource.Compute] = Distribution.Fixed(2) },
                new Dictionary<Resource, Distribution> { [Resource.Compute] = Distribution.Uniform(3, 8) },
                new Dictionary<Resource, Distribution> { [Resource.Data] = Distribution.Uniform(0.5, 4) }),
        ],
        new OutputSpec(Trades: true));

    private static void AssertSameReports(TickReport[] expected, TickReport[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var t = 0; t < expected.Length; t++)
        {
            Assert.Equal(expected[t].Tick, actual[t].Tick);
            Assert.Equal(expected[t].Rows, actual[t].Rows);
            Assert.Equal(expected[t].Trades, actual[t].Trades);
        }
    }

    private static void AssertSameDevices(DeviceSnapshot[] expected, DeviceSnapshot[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal((e.Id, e.Type, e.Strategy, e.Balance, e.Escrow, e.Surplus), (a.Id, a.Type, a.Strategy, a.Balance, a.Escrow, a.Surplus));
            Assert.Equal(e.Inventory, a.Inventory);
            Assert.Equal(e.Bought, a.Bought);
            Assert.Equal(e.Sold, a.Sold);
        }
    }

    [Fact]
    public async Task The_same_scenario_gives_the_same_reports_and_devices()
    {
        var first = await SimulationRun.ExecuteAsync(Market(42));
        var second = await SimulationRun.ExecuteAsync(Market(42));

        Assert.True(first.Reports.Sum(r => r.Trades.Length) > 100, "the scenario should trade on every market");
        Assert.All(Market(42).Markets.Select(m => m.Resource), r => Assert.Contains(first.Reports.SelectMany(x => x.Trades), t => t.Resource == r));
        Assert.Equal(first.InitialSupply, second.InitialSupply);
        AssertSameReports(first.Reports, second.Reports);
        AssertSameDevices(first.FinalDevices, second.FinalDevices);
    }

    [Fact]
    public async Task Two_engines_stepped_in_lockstep_do_not_disturb_each_other()
    {
        var alone = await SimulationRun.ExecuteAsync(Market(7));
        await using var a = new ReferenceEngine(Market(7));
        await using var b = new ReferenceEngine(Market(8));
        var ct = CancellationToken.None;
        await a.StartAsync(ct);
        await b.StartAsync(ct);
        var reports = new List<TickReport>();
        for (var tick = 0; tick < 20; tick++)
        {
            reports.Add(await a.RunTickAsync(tick, ct));
            await b.RunTickAsync(tick, ct);
        }
        await a.SettleAsync(20, ct);
        await b.SettleAsync(20, ct);
        AssertSameReports(alone.Reports, reports.ToArray());
        AssertSameDevices(alone.FinalDevices, await a.DevicesAsync(ct).ToArrayAsync(ct));
    }

    [Fact]
    public async Task A_different_seed_gives_different_trades()
    {
        var first = await SimulationRun.ExecuteAsync(Market(42));
        var other = await SimulationRun.ExecuteAsync(Market(43));
        Assert.NotEmpty(other.Reports.SelectMany(r => r.Trades));
        Assert.NotEqual(first.Reports.SelectMany(r => r.Trades), other.Reports.SelectMany(r => r.Trades));
        Assert.NotEqual(first.FinalDevices.Select(d => d.Balance), other.FinalDevices.Select(d => d.Balance));
    }

    [Property(MaxTest = 50)]
    public Property Any_generated_scenario_runs_the_same_twice() =>
        Prop.ForAll(ScenarioGenerators.Scenarios().ToArbitrary(), scenario =>
        {
            var first = SimulationRun.Execute(scenario);
            var second = SimulationRun.Execute(scenario);
            AssertSameReports(first.Reports, second.Reports);
            AssertSameDevices(first.FinalDevices, second.FinalDevices);
            return true;
        });

    [Property(MaxTest = 50)]
    public Property Any_generated_scenario_runs_the_same_on_one_thread_and_on_several() =>
        Prop.ForAll(ScenarioGenerators.Scenarios().ToArbitrary(), scenario =>
        {
            // Four threads on any machine: the steps of a tick interleave even on two cores.
            var one = SimulationRun.Execute(scenario, parallelism: 1);
            var several = SimulationRun.Execute(scenario, parallelism: 4);
            AssertSameReports(one.Reports, several.Reports);
            for (var t = 0; t < one.DevicesAfterTick.Length; t++) AssertSameDevices(one.DevicesAfterTick[t], several.DevicesAfterTick[t]);
            AssertSameDevices(one.FinalDevices, several.FinalDevices);
            return true;
        });

    [Fact]
    public async Task A_market_economy_runs_the_same_on_one_thread_and_on_several()
    {
        var one = await SimulationRun.ExecuteAsync(Market(42), parallelism: 1);
        var several = await SimulationRun.ExecuteAsync(Market(42), parallelism: 4);
        Assert.True(one.Reports.Sum(r => r.Trades.Length) > 100, "the scenario should trade on every market");
        AssertSameReports(one.Reports, several.Reports);
        AssertSameDevices(one.FinalDevices, several.FinalDevices);
    }
}
