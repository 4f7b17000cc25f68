using M2MSim.Economy.Randomness;

namespace M2MSim.Economy.Scenarios;

/// <summary>
/// A number in a scenario: fixed, uniform on [A, B], or normal (mean A, standard deviation B)
/// truncated at zero, because every quantity it describes (money, units, prices) is non-negative,
/// and at <see cref="Max"/>, because the scenario limits are checked against it.
/// </summary>
public sealed record Distribution(DistributionKind Kind, double A, double B = 0)
{
    public static Distribution Fixed(double value) => new(DistributionKind.Fixed, value);

    public static Distribution Uniform(double low, double high) => new(DistributionKind.Uniform, low, high);

    public static Distribution Normal(double mean, double sd) => new(DistributionKind.Normal, mean, sd);

    /// <summary>The largest value a draw can take (for normal, mean + 6 sd): draws are clamped to it.</summary>
    public double Max => Kind switch
    {
        DistributionKind.Fixed => A,
        DistributionKind.Uniform => B,
        _ => A + 6 * B,
    };

    /// <summary>Draws one value. Exactly one random number is consumed for uniform, two for normal.</summary>
    public double Sample(ref RandomStream random) => Kind switch
    {
        DistributionKind.Fixed => A,
        // A + (B − A) u can round one ulp past B, and a Box–Muller draw can reach ~8.6 sd: clamping
        // makes Max a true bound (the validator sums Max over a population to bound the money).
        DistributionKind.Uniform => Math.Min(B, A + (B - A) * random.NextDouble()),
        DistributionKind.Normal => Math.Clamp(A + B * random.NextGaussian(), 0, Max),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };

    public override string ToString() => Kind switch
    {
        DistributionKind.Fixed => A.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DistributionKind.Uniform => FormattableString.Invariant($"uniform[{A}, {B}]"),
        _ => FormattableString.Invariant($"normal(mean {A}, sd {B})"),
    };
}
