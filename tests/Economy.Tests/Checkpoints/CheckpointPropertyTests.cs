using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Money;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Strategies;
using M2MSim.Economy.Tests.Simulation;

namespace M2MSim.Economy.Tests.Checkpoints;

public sealed class CheckpointPropertyTests
{
    /// <summary>
    /// The generated economies (CDAs and tenders, ZI-C and fixed-margin traders), with some markets
    /// turned into posted prices or call markets and some populations into ZIP traders or devices that
    /// redraw their values and costs, so every mechanism and strategy with state can be caught mid-run.
    /// </summary>
    private static Gen<Scenario> Economies() =>
        from scenario in ScenarioGenerators.Scenarios(tenders: true)
        from mechanisms in Gen.Elements(MarketMechanism.Cda, MarketMechanism.Posted, MarketMechanism.Call).ArrayOf(scenario.Markets.Count)
        from adjust in Gen.Choose(0, 100)
        from zip in Gen.Elements(false, true).ArrayOf(scenario.Populations.Count)
        from redraw in Gen.Elements(false, false, true).ArrayOf(scenario.Populations.Count)
        select scenario with
        {
            // A posted price needs a positive floor (the operator never posts 0); generated ranges may start at 0.
            Markets = scenario.Markets.Select((m, i) => m.Mechanism == MarketMechanism.Tender || mechanisms[i] == MarketMechanism.Cda
                || (mechanisms[i] == MarketMechanism.Posted && Micros.FromUnits(m.MinPrice) < 1)
                ? m
                : m with { Mechanism = mechanisms[i], Adjust = adjust / 100.0 }).ToArray(),
            Populations = scenario.Populations.Select((p, i) => p with
            {
                Strategy = zip[i] ? new StrategySpec(StrategyKind.Zip) : p.Strategy,
                Redraw = redraw[i] ? true : null,
            }).ToArray(),
        };

    [Property(MaxTest = 60)]
    public Property Any_generated_economy_resumed_from_any_barrier_ends_as_if_it_never_stopped() =>
        Prop.ForAll(Economies().SelectMany(s => Gen.Choose(0, s.Ticks).Select(k => (Scenario: s, Barrier: k))).ToArbitrary(), c =>
        {
            ResumedRun.AssertResumesIdenticallyAsync(c.Scenario, c.Barrier).GetAwaiter().GetResult();
            return true;
        });
}
