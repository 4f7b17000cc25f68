using FsCheck;
using FsCheck.Fluent;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Simulation;

/// <summary>FsCheck generators of small scenarios, built in code.</summary>
internal static class ScenarioGenerators
{
    /// <summary>A non-negative amount up to about <paramref name="max"/>: fixed, uniform or normal.</summary>
    public static Gen<Distribution> Amount(double max)
    {
        var cents = (int)(max * 100);
        return Gen.OneOf(
            Gen.Choose(0, cents).Select(x => Distribution.Fixed(x / 100.0)),
            Gen.Choose(0, cents).Two().Select(t => Distribution.Uniform(Math.Min(t.Item1, t.Item2) / 100.0, Math.Max(t.Item1, t.Item2) / 100.0)),
            Gen.Choose(0, cents).Zip(Gen.Choose(0, cents / 4)).Select(t => Distribution.Normal(t.Item1 / 100.0, t.Item2 / 100.0)));
    }

    public static Gen<IReadOnlyDictionary<Resource, Distribution>> PerResource(Gen<Distribution> amount, IEnumerable<Resource>? among = null) =>
        Gen.SubListOf(among ?? Resources.Resources.All).SelectMany(rs => For(rs, amount));

    /// <summary>An amount for each of <paramref name="resources"/>.</summary>
    public static Gen<IReadOnlyDictionary<Resource, Distribution>> For(IEnumerable<Resource> resources, Gen<Distribution> amount)
    {
        var rs = resources.ToArray();
        return Gen.CollectToArray(rs, _ => amount).Select(ds =>
            (IReadOnlyDictionary<Resource, Distribution>)rs.Zip(ds).ToDictionary(p => p.First, p => p.Second));
    }

    public static Gen<StrategySpec> Strategy(bool ziCOnly) => ziCOnly
        ? Gen.Constant(new StrategySpec(StrategyKind.ZiC))
        : Gen.OneOf(
            Gen.Constant(new StrategySpec(StrategyKind.ZiC)),
            Gen.Choose(0, 60).Select(m => new StrategySpec(StrategyKind.FixedMargin, m / 100.0)));

    /// <summary>
    /// Mostly coherent populations (producing and consuming goods that have a market, with a value
    /// for what they consume and a cost for what they produce, so that markets trade), sometimes
    /// four independent maps over all resources.
    /// </summary>
    public static Gen<PopulationSpec> Population(int index, bool ziCOnly, IReadOnlyList<Resource> traded) =>
        from count in Gen.Choose(0, 30)
        from strategy in Strategy(ziCOnly)
        from wallet in Amount(50)
        from every in Gen.Choose(1, 4)
        from coherent in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        from produces in PerResource(Amount(6), coherent ? traded : null)
        from consumes in PerResource(Amount(6), coherent ? traded : null)
        from values in coherent ? For(consumes.Keys, Amount(10)) : PerResource(Amount(10))
        from costs in coherent ? For(produces.Keys, Amount(8)) : PerResource(Amount(8))
        select new PopulationSpec($"type{index}", count, strategy, wallet, every, produces, consumes, values, costs);

    /// <param name="fees">Every market charges a fee (1 ppm … 30 %), rather than sometimes none.</param>
    public static Gen<MarketSpec> Market(Resource resource, bool fees = false) =>
        from fee in fees ? Gen.Choose(1, 300_000) : Gen.OneOf(Gen.Constant(0), Gen.Choose(0, 200_000))
        from min in Gen.Choose(0, 300)
        from width in Gen.Choose(1, 1_000)
        select new MarketSpec(resource, MarketMechanism.Cda, fee / 1_000_000.0, min / 100.0, (min + width) / 100.0);

    /// <summary>A market that is a tender half the time: first or second price, jobs of 1 … 4 ticks.</summary>
    public static Gen<MarketSpec> MaybeTender(Resource resource, bool fees = false) =>
        from market in Market(resource, fees)
        from tender in Gen.Elements(false, true)
        from award in Gen.Elements(TenderAward.First, TenderAward.Second)
        from duration in Gen.Choose(1, 4)
        select tender ? market with { Mechanism = MarketMechanism.Tender, Award = award, Duration = duration } : market;

    /// <param name="tenders">Markets may be tenders, which hold awarded jobs for several ticks.</param>
    public static Gen<Scenario> Scenarios(bool ziCOnly = false, bool fees = false, bool tenders = false) =>
        from resources in Gen.SubListOf(Resources.Resources.All).Where(rs => rs.Count > 0).SelectMany(rs => Gen.Shuffle<Resource>(rs.ToArray()))
        from markets in Gen.CollectToArray<Resource, MarketSpec>(resources, r => tenders ? MaybeTender(r, fees) : Market(r, fees))
        from populationCount in Gen.Choose(1, 4)
        from populations in Gen.CollectToArray(Enumerable.Range(0, populationCount), i => Population(i, ziCOnly, resources))
        from ticks in Gen.Choose(5, 30)
        from seed in Gen.Choose(int.MinValue, int.MaxValue).Two()
        select new Scenario("generated", "", ((ulong)(uint)seed.Item1 << 32) | (uint)seed.Item2, ticks, markets, populations, new OutputSpec(Trades: true));
}
