namespace M2MSim.Economy.Negotiation;

/// <summary>
/// Faratin, Sierra &amp; Jennings (1998), time-dependent tactics with k = 0: the offer at round t is
/// best + α(t)(reservation − best), α(t) = (min(t, t_max) / t_max)^(1/β). Boulware (β &lt; 1) holds
/// near its best price until close to the deadline; Conceder (β &gt; 1) gives most of the way early;
/// Linear (β = 1) concedes evenly. At the deadline every one of them offers its reservation.
/// </summary>
public sealed class TimeDependentTactic : INegotiationTactic
{
    public TimeDependentTactic(double beta)
    {
        if (!(beta > 0) || double.IsInfinity(beta)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "β is a positive number.");
        Beta = beta;
    }

    public double Beta { get; }

    public long Offer(in NegotiationPosition position)
    {
        var t = Math.Min(position.Round, position.Deadline);
        var alpha = position.Deadline <= 0 ? 1.0 : Math.Pow((double)t / position.Deadline, 1 / Beta);
        // The one rounding of a tactic's price to micro-units; clamped so rounding can never cross
        // the reservation.
        var step = Math.Round(alpha * (position.Reservation - position.Best), MidpointRounding.ToEven);
        return position.Clamp(position.Best + (long)step);
    }
}
