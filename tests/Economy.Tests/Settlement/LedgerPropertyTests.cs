using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Settlement;
using M2MSim.Economy.Simulation;
using M2MSim.Economy.Tests.Checkpoints;
using M2MSim.Economy.Tests.Simulation;

namespace M2MSim.Economy.Tests.Settlement;

public sealed class LedgerPropertyTests
{
    /// <summary>The generated economies (CDAs and tenders, market fees) on any ledger, with or without a pool, some populations giving.</summary>
    private static Gen<Scenario> Economies() =>
        from scenario in ScenarioGenerators.Scenarios(tenders: true)
        from kind in Gen.Elements(LedgerKind.Direct, LedgerKind.Feeless, LedgerKind.Chain)
        from fee in Gen.Choose(0, 300_000)
        from pow in Gen.Choose(0, 5)
        from block in Gen.Choose(1, 60)
        from delay in Gen.Choose(1, 6)
        from pool in Gen.Elements(false, true, kind == LedgerKind.Direct)
        from fund in Gen.Choose(0, 1_000)
        from payout in Gen.Choose(1, 1_000_000)
        from gives in Gen.Elements(0.0, 0.0, 0.05, 1.0).ArrayOf(scenario.Populations.Count)
        select scenario with
        {
            Ledger = new LedgerSpec(kind, fee, pow, block, delay),
            RewardPool = pool ? new RewardPoolSpec(fund * M2MSim.Economy.Money.Micros.PerUnit, payout) : null,
            Populations = scenario.Populations.Select((p, i) => gives[i] > 0 ? p with { Gives = gives[i] } : p).ToArray(),
        };

    /// <summary>
    /// Money is conserved at every barrier (the engine throws otherwise), a run resumed from any
    /// barrier ends as if it never stopped, and the final settlement leaves nothing pending.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Any_generated_economy_on_any_ledger_conserves_money_resumes_exactly_and_settles_everything() =>
        Prop.ForAll(Economies().SelectMany(s => Gen.Choose(0, s.Ticks).Select(k => (Scenario: s, Barrier: k))).ToArbitrary(), c =>
        {
            ResumedRun.AssertResumesIdenticallyAsync(c.Scenario, c.Barrier).GetAwaiter().GetResult();
            var ct = CancellationToken.None;
            using var engine = new ReferenceEngine(c.Scenario).AsDisposable();
            engine.Value.StartAsync(ct).GetAwaiter().GetResult();
            for (var t = 0; t < c.Scenario.Ticks; t++) engine.Value.RunTickAsync(t, ct).GetAwaiter().GetResult();
            engine.Value.SettleAsync(c.Scenario.Ticks, ct).GetAwaiter().GetResult();
            var devices = engine.Value.CaptureDevicesAsync(ct).ToArrayAsync(ct).AsTask().GetAwaiter().GetResult();
            return devices.All(d => d.State is null || (d.State.Pending is null && d.State.Mined is null && d.State.Balance >= 0));
        });
}

internal static class EngineDisposal
{
    public sealed class Handle(ReferenceEngine value) : IDisposable
    {
        public ReferenceEngine Value { get; } = value;

        public void Dispose() => Value.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    public static Handle AsDisposable(this ReferenceEngine engine) => new(engine);
}
