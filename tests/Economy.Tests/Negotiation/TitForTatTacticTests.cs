using M2MSim.Economy.Markets;
using M2MSim.Economy.Negotiation;

namespace M2MSim.Economy.Tests.Negotiation;

public sealed class TitForTatTacticTests
{
    [Fact]
    public void Opens_at_its_best_and_holds_until_the_opponent_has_moved()
    {
        var tactic = new TitForTatTactic(delta: 1);
        Assert.Equal(10_000, tactic.Offer(new NegotiationPosition(Side.Buy, 0, 10, 10_000, 150_000, null, [])));
        Assert.Equal(10_000, tactic.Offer(new NegotiationPosition(Side.Buy, 2, 10, 10_000, 150_000, 10_000, [200_000])));
    }

    [Fact]
    public void Concedes_in_the_proportion_the_opponent_conceded()
    {
        // The seller came down from 200 to 160 (ratio 1.25): the buyer goes up from 40 to 50.
        var tactic = new TitForTatTactic(delta: 1);
        Assert.Equal(50_000, tactic.Offer(new NegotiationPosition(Side.Buy, 4, 10, 10_000, 150_000, 40_000, [200_000, 160_000])));
        // With δ = 2 it imitates the step two offers back (200 → 180, ratio 10/9), not the latest (180 → 100).
        Assert.Equal(44_444, new TitForTatTactic(2).Offer(new NegotiationPosition(Side.Buy, 6, 10, 10_000, 150_000, 40_000, [200_000, 180_000, 100_000])));
    }

    [Fact]
    public void Never_goes_past_its_reservation_or_back_past_its_best()
    {
        var tactic = new TitForTatTactic(delta: 1);
        Assert.Equal(150_000, tactic.Offer(new NegotiationPosition(Side.Buy, 4, 10, 10_000, 150_000, 140_000, [200_000, 50_000])));
        // An opponent that hardens (100 → 200) is answered by hardening, down to the buyer's best at most.
        Assert.Equal(10_000, tactic.Offer(new NegotiationPosition(Side.Buy, 4, 10, 10_000, 150_000, 15_000, [100_000, 200_000])));
    }

    [Fact]
    public void Delta_is_at_least_one() => Assert.Throws<ArgumentOutOfRangeException>(() => new TitForTatTactic(0));
}
