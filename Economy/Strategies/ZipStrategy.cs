using M2MSim.Economy.Markets;
using M2MSim.Economy.Money;
using M2MSim.Economy.Randomness;

namespace M2MSim.Economy.Strategies;

/// <summary>
/// ZIP, zero intelligence plus (Cliff 1997, HP Labs HPL-97-91). The trader quotes p = λ(1 + μ) for
/// the limit price λ of its current unit, and adapts the margin μ with the Widrow–Hoff rule after
/// each shout of the tape, towards a target τ perturbed around the shout's price q:
/// Δ(t) = (1 − γ) β (τ − p) + γ Δ(t − 1), μ ← (p + Δ)/λ − 1, kept only if its sign stays right
/// (seller μ ≥ 0, buyer −1 ≤ μ ≤ 0). When to raise or lower the margin is Cliff's rule set; see
/// docs/strategies.md. One margin per side: in the classic experiments a trader trades one resource.
/// </summary>
public sealed class ZipStrategy : IStrategy
{
    /// <summary>Initial seller margins are U[0.05, 0.35]; buyer margins the same, negated.</summary>
    public const double MarginLow = 0.05, MarginHigh = 0.35;

    public const double BetaLow = 0.1, BetaHigh = 0.5, GammaHigh = 0.1;

    /// <summary>Relative (fraction of q) and absolute (money units) bounds of the target's perturbation.</summary>
    public const double RelativePerturbation = 0.05, AbsolutePerturbation = 0.05;

    /// <summary>The tick key of the device's population stream that ZIP's parameters come from (0 is the population builder's).</summary>
    public const long ParameterStreamTick = 1;

    private readonly double[] _margin = new double[2];
    private readonly double[] _lastChange = new double[2];

    public ZipStrategy(ulong seed, int device)
    {
        var random = new RandomStream(seed, RandomPurpose.Population, device, ParameterStreamTick);
        _margin[(int)Side.Sell] = MarginLow + (MarginHigh - MarginLow) * random.NextDouble();
        _margin[(int)Side.Buy] = -(MarginLow + (MarginHigh - MarginLow) * random.NextDouble());
        Beta = BetaLow + (BetaHigh - BetaLow) * random.NextDouble();
        Gamma = GammaHigh * random.NextDouble();
    }

    public bool Learns => true;

    /// <summary>Learning rate β.</summary>
    public double Beta { get; }

    /// <summary>Momentum γ.</summary>
    public double Gamma { get; }

    /// <summary>The current margin μ of a side: ≥ 0 for selling, in [−1, 0] for buying.</summary>
    public double Margin(Side side) => _margin[(int)side];

    /// <summary>Δ(t − 1) of a side, the momentum term of the next update.</summary>
    public double LastChange(Side side) => _lastChange[(int)side];

    /// <summary>
    /// The margins and last changes, by side (buy, sell), then the same for Δ: what learning has
    /// changed. β and γ are drawn from the device's stream in the constructor, so they are not kept.
    /// </summary>
    public double[] Capture() => [.. _margin, .. _lastChange];

    public void Restore(double[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Length != _margin.Length + _lastChange.Length)
            throw new ArgumentException($"A ZIP trader's state has {_margin.Length + _lastChange.Length} numbers, got {state.Length}.", nameof(state));
        state.AsSpan(0, _margin.Length).CopyTo(_margin);
        state.AsSpan(_margin.Length).CopyTo(_lastChange);
    }

    // The quote is clamped into the range rather than dropped: a margin that carries it past an end
    // would otherwise silence a trader whose limit is inside the range, and a silent trader's margin
    // moves only on other traders' shouts. Only a limit outside the range means no quote.
    public long Bid(long value, MarketTerms market, ref RandomStream random) =>
        value < market.Min ? 0 : Math.Clamp(Quote(value, Side.Buy), market.Min, Math.Min(value, market.Max));

    public long Ask(long cost, MarketTerms market, ref RandomStream random) =>
        cost > market.Max ? 0 : Math.Clamp(Quote(cost, Side.Sell), Math.Max(cost, market.Min), market.Max);

    public void Observe(Side side, long limit, bool active, Shout shout, MarketTerms market, ref RandomStream random)
    {
        if (limit <= 0) return; // a unit worth nothing has no margin to learn
        var lambda = Micros.ToUnits(limit);
        // The price it actually quoted, rounded to micro-units like the shout: comparing the unrounded
        // price with a rounded shout made a trader whose own quote went unanswered see no rule fire.
        var p = Micros.ToUnits(Quote(limit, side));
        var q = Micros.ToUnits(shout.Price);

        // Cliff's rules. "Raise" the profit margin: a seller asks more, a buyer bids less. Where both of
        // Cliff's deal rules hold (p = q), raising wins, as in Cliff's code and the Bristol Stock Exchange.
        bool? raise = null;
        if (side == Side.Sell)
        {
            if (shout.Deal)
            {
                if (p <= q) raise = true;                                  // it could have sold at q
                else if (shout.Side == Side.Buy && active) raise = false;  // a bid was taken at a price it would not accept
            }
            else if (shout.Side == Side.Sell && active && p >= q)
            {
                raise = false;                                             // an ask no cheaper than its own failed
            }
        }
        else
        {
            if (shout.Deal)
            {
                if (p >= q) raise = true;                                  // it could have bought at q
                else if (shout.Side == Side.Sell && active) raise = false; // an ask was taken at a price it would not pay
            }
            else if (shout.Side == Side.Buy && active && p <= q)
            {
                raise = false;                                             // a bid no lower than its own failed
            }
        }
        if (raise is not { } up) return;

        // A higher price for a seller raising or a buyer lowering its margin; a lower one otherwise.
        var higher = up == (side == Side.Sell);
        var relative = RelativePerturbation * random.NextDouble();
        var absolute = AbsolutePerturbation * random.NextDouble();
        var target = higher ? q * (1 + relative) + absolute : q * (1 - relative) - absolute;
        Update(side, lambda, p, target);
    }

    /// <summary>The Widrow–Hoff step with momentum; the margin is kept only if its sign stays right.</summary>
    private void Update(Side side, double lambda, double p, double target)
    {
        var s = (int)side;
        var change = (1 - Gamma) * Beta * (target - p) + Gamma * _lastChange[s];
        _lastChange[s] = change;
        var margin = (p + change) / lambda - 1;
        var valid = side == Side.Sell ? margin >= 0 : margin is >= -1 and <= 0;
        if (valid && double.IsFinite(margin)) _margin[s] = margin;
    }

    private long Quote(long limit, Side side) => Micros.FromUnits(Micros.ToUnits(limit) * (1 + _margin[(int)side]));
}
