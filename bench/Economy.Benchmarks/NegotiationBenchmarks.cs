using BenchmarkDotNet.Attributes;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Negotiation;
using M2MSim.Economy.Strategies;

namespace M2MSim.Benchmarks;

/// <summary>
/// A negotiation tactic's next offer (Faratin, Sierra &amp; Jennings 1998), per tactic: what a
/// bargaining device computes per round, for positions across a ten-round negotiation.
/// </summary>
public class NegotiationBenchmarks
{
    private const int Deadline = 10;
    private INegotiationTactic _tactic = null!;
    private NegotiationPosition[] _positions = [];

    [Params("boulware", "linear", "conceder", "tit-for-tat")]
    public string Tactic { get; set; } = "boulware";

    [GlobalSetup]
    public void Setup()
    {
        if (!StrategySpec.TryParseKind(Tactic, out var kind)) throw new ArgumentException($"Unknown tactic {Tactic}.");
        _tactic = new StrategySpec(kind).CreateTactic()!;
        // A seller asking from the top of the range down to its cost, against a buyer conceding upwards.
        var theirs = Enumerable.Range(0, Deadline).Select(r => 50_000_000L + 5_000_000L * r).ToArray();
        _positions = Enumerable.Range(0, 2 * Deadline).Select(round => new NegotiationPosition(Side.Sell, round, Deadline,
            Best: 200_000_000, Reservation: 80_000_000, OwnLast: round == 0 ? null : 200_000_000 - 4_000_000L * round,
            Theirs: theirs[..Math.Min(Deadline, round / 2 + 1)])).ToArray();
    }

    /// <summary>One offer per operation, over rounds 0 … 19 (past the deadline too).</summary>
    [Benchmark(OperationsPerInvoke = 2 * Deadline)]
    public long Offer()
    {
        long sum = 0;
        foreach (ref readonly var position in _positions.AsSpan()) sum += _tactic.Offer(position);
        return sum;
    }
}
