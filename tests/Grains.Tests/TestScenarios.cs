using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Strategies;

namespace M2MSim.Grains.Tests;

/// <summary>Small but complete economies: several device types trading all three resources.</summary>
public static class TestScenarios
{
    public static Scenario Mixed(ulong seed = 7, int ticks = 12, int scale = 1) => new(
        "mixed", "", seed, ticks,
        [
            new MarketSpec(Resource.Data, MarketMechanism.Cda, 0.01, 0.01, 10),
            new MarketSpec(Resource.Compute, MarketMechanism.Cda, 0.005, 0.01, 5),
            new MarketSpec(Resource.Bandwidth, MarketMechanism.Cda, 0, 0.01, 5),
        ],
        [
            new PopulationSpec("edge", 8 * scale, new StrategySpec(StrategyKind.FixedMargin, 0.2), Distribution.Fixed(50), 1,
                Map((Resource.Compute, Distribution.Fixed(20))), Map(), Map(), Map((Resource.Compute, Distribution.Uniform(0.2, 0.6)))),
            new PopulationSpec("gateway", 10 * scale, new StrategySpec(StrategyKind.ZiC), Distribution.Fixed(30), 2,
                Map((Resource.Bandwidth, Distribution.Fixed(10))), Map(), Map(), Map((Resource.Bandwidth, Distribution.Uniform(0.1, 0.4)))),
            new PopulationSpec("car", 40 * scale, new StrategySpec(StrategyKind.ZiC), Distribution.Uniform(5, 40), 3,
                Map((Resource.Data, Distribution.Fixed(2))),
                Map((Resource.Compute, Distribution.Fixed(3)), (Resource.Bandwidth, Distribution.Uniform(1, 4))),
                Map((Resource.Compute, Distribution.Uniform(0.5, 2)), (Resource.Bandwidth, Distribution.Normal(1, 0.3))),
                Map((Resource.Data, Distribution.Uniform(0.2, 0.8)))),
            new PopulationSpec("buyer", 3 * scale, new StrategySpec(StrategyKind.ZiC), Distribution.Fixed(500), 1,
                Map(), Map((Resource.Data, Distribution.Fixed(20))), Map((Resource.Data, Distribution.Normal(1.2, 0.3))), Map()),
        ],
        new OutputSpec(Trades: true));

    /// <summary>Devices that only wake every few ticks and trade nothing: who gets called is visible.</summary>
    public static Scenario Sleepers(int count, int every) => new(
        "sleepers", "", 3, 8,
        [new MarketSpec(Resource.Data, MarketMechanism.Cda, 0, 0.01, 10)],
        [
            new PopulationSpec("meter", count, new StrategySpec(StrategyKind.ZiC), Distribution.Fixed(1), every,
                Map((Resource.Compute, Distribution.Fixed(1))), Map(), Map(), Map((Resource.Compute, Distribution.Fixed(0.1)))),
        ],
        new OutputSpec());

    /// <summary>
    /// Textbook traders: unit schedules in 10-tick periods, a shift in period 2, every strategy that
    /// schedules meet, quote all, a fee, and a production population trading next to them.
    /// </summary>
    public static Scenario Classic(ulong seed = 5) => new(
        "classic", "", seed, 40,
        [new MarketSpec(Resource.Data, MarketMechanism.Cda, 0.01, 1, 200)],
        [
            new PopulationSpec("zip-buyer", 4, new StrategySpec(StrategyKind.Zip), Distribution.Fixed(1_000), 1, Map(), Map(), Map(), Map(),
                Buys: Units((Resource.Data, [190, 160, 120, 80]))),
            new PopulationSpec("zi-c-buyer", 3, new StrategySpec(StrategyKind.ZiC), Distribution.Fixed(1_000), 1, Map(), Map(), Map(), Map(),
                Buys: Units((Resource.Data, [170, 140, 100])), Quote: M2MSim.Economy.Devices.QuoteMode.All),
            new PopulationSpec("zi-u-seller", 3, new StrategySpec(StrategyKind.ZiU), Distribution.Fixed(10), 1, Map(), Map(), Map(), Map(),
                Sells: Units((Resource.Data, [40, 70, 110]))),
            new PopulationSpec("truthful-seller", 4, new StrategySpec(StrategyKind.Truthful), Distribution.Fixed(0), 2, Map(), Map(), Map(), Map(),
                Sells: Units((Resource.Data, [60, 90, 130, 150]))),
            new PopulationSpec("sensor", 5, new StrategySpec(StrategyKind.ZiC), Distribution.Fixed(0), 1,
                Map((Resource.Data, Distribution.Fixed(1))), Map(), Map(), Map((Resource.Data, Distribution.Uniform(50, 120)))),
        ],
        new OutputSpec(Trades: true),
        new PeriodSpec(10, [new ShiftSpec(2, "zi-c-buyer", Buys: Units((Resource.Data, [195, 185, 175])))]));

    private static Dictionary<Resource, IReadOnlyList<double>> Units(params (Resource, double[])[] entries) =>
        entries.ToDictionary(e => e.Item1, e => (IReadOnlyList<double>)e.Item2);

    private static Dictionary<Resource, Distribution> Map(params (Resource, Distribution)[] entries) =>
        entries.ToDictionary(e => e.Item1, e => e.Item2);
}
