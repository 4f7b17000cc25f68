namespace M2MSim.Economy.Negotiation;

/// <summary>
/// Faratin, Sierra &amp; Jennings (1998), relative tit-for-tat, an imitative tactic: the device concedes
/// in the proportion its opponent conceded in one step δ offers back,
/// x(n+1) = x(n−1) × their(n−2δ) / their(n−2δ+2), kept between best and reservation. Before the
/// opponent has made δ + 1 offers it repeats its own last offer (its best, to open). It never moves on its own,
/// so against a tactic that does not concede it reaches no deal before the deadline.
/// </summary>
public sealed class TitForTatTactic : INegotiationTactic
{
    public TitForTatTactic(int delta)
    {
        if (delta < 1) throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ is at least 1.");
        Delta = delta;
    }

    public int Delta { get; }

    public long Offer(in NegotiationPosition position)
    {
        if (position.OwnLast is not { } own) return position.Best;
        var theirs = position.Theirs;
        // their(n) is the opponent's latest offer, their(n − 2) the one before: their(n − 2δ) is
        // theirs[^(δ + 1)] and their(n − 2δ + 2) is theirs[^δ].
        if (theirs.Count < Delta + 1 || theirs[^Delta] == 0) return own;
        // Decimal keeps the ratio exact enough and the product within range for any price here.
        var next = (decimal)own * theirs[^(Delta + 1)] / theirs[^Delta];
        return position.Clamp((long)Math.Round(next, MidpointRounding.ToEven));
    }
}
