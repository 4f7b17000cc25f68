using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Strategies;

namespace M2MSim.Grains.Tests;

/// <summary>
/// Random economies mixing every mechanism, strategy and money exchange: whatever the scenario and
/// the shard count, the grains must write exactly the reference engine's files.
/// </summary>
public sealed class RandomScenarioEquivalenceTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly MarketMechanism[] Mechanisms = [MarketMechanism.Cda, MarketMechanism.Call, MarketMechanism.Posted, MarketMechanism.Tender];

    private static readonly StrategyKind[] Strategies =
        [StrategyKind.ZiC, StrategyKind.ZiU, StrategyKind.FixedMargin, StrategyKind.Truthful, StrategyKind.Zip];

    private static Gen<MarketSpec> Market(Resource resource) =>
        from mechanism in Gen.Elements(Mechanisms)
        from nyse in Gen.Elements(false, true)
        from clear in Gen.Elements(false, true)
        from fee in Gen.Choose(0, 50_000)
        from min in Gen.Choose(1, 200)
        from width in Gen.Choose(50, 800)
        from award in Gen.Elements(TenderAward.First, TenderAward.Second)
        from duration in Gen.Choose(1, 4)
        let tender = mechanism == MarketMechanism.Tender
        select new MarketSpec(resource, mechanism, fee / 1_000_000.0, min / 100.0, (min + width) / 100.0,
            NyseRule: mechanism == MarketMechanism.Cda && nyse, ClearAfterTrade: mechanism == MarketMechanism.Cda && clear,
            Award: tender ? award : null, Duration: tender ? duration : null);

    private static Gen<PopulationSpec> Population(int index, IReadOnlyList<Resource> traded) =>
        from count in Gen.Choose(0, 15)
        from kind in Gen.Elements(Strategies)
        from wallet in Gen.Choose(0, 4_000)
        from every in Gen.Choose(1, 3)
        from sells in Gen.Elements(traded.ToArray())
        from buys in Gen.Elements(traded.ToArray())
        from amount in Gen.Choose(1, 5)
        from price in Gen.Choose(10, 900)
        from gives in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 300)))
        let produces = index % 2 == 0
        select new PopulationSpec($"p{index}", count, new StrategySpec(kind, kind == StrategyKind.FixedMargin ? 0.1 : 0), Distribution.Uniform(0, wallet / 100.0), every,
            produces ? Map(sells, Distribution.Fixed(amount)) : Map(),
            produces ? Map() : Map(buys, Distribution.Fixed(amount)),
            produces ? Map() : Map(buys, Distribution.Uniform(0, price / 100.0)),
            produces ? Map(sells, Distribution.Uniform(0, price / 100.0)) : Map(),
            Gives: gives > 0 ? gives / 100.0 : null);

    private static Gen<Scenario> Scenarios() =>
        from resources in Gen.SubListOf(Resources.All).Where(rs => rs.Count > 0)
        from markets in Gen.CollectToArray<Resource, MarketSpec>(resources, Market)
        from populations in Gen.CollectToArray(Enumerable.Range(0, 4), i => Population(i, resources.ToArray()))
        from ticks in Gen.Choose(3, 15)
        from seed in Gen.Choose(0, int.MaxValue)
        select new Scenario("random", "", (ulong)seed, ticks, markets, populations.Where(p => p.Count > 0).DefaultIfEmpty(populations[0] with { Count = 1 }).ToArray(),
            new OutputSpec(Trades: true));

    [Property(MaxTest = 25)]
    public Property Orleans_engine_agrees_with_the_reference_on_random_economies() =>
        Prop.ForAll(Scenarios().ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), (scenario, shards) =>
        {
            RunFiles.AssertEnginesAgree(scenario, fixture.Grains, shards).GetAwaiter().GetResult();
        });

    private static Dictionary<Resource, Distribution> Map(params (Resource, Distribution)[] entries) => entries.ToDictionary(e => e.Item1, e => e.Item2);

    private static Dictionary<Resource, Distribution> Map(Resource resource, Distribution value) => new() { [resource] = value };
}
