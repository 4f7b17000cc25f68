using FsCheck;
using FsCheck.Xunit;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Negotiation;

namespace M2MSim.Economy.Tests.Negotiation;

public sealed class TimeDependentTacticTests
{
    private static NegotiationPosition Buyer(int round, int deadline = 10) => new(Side.Buy, round, deadline, Best: 1_000, Reservation: 101_000, OwnLast: null, Theirs: []);

    [Fact]
    public void Opens_at_the_best_price_and_reaches_the_reservation_at_the_deadline()
    {
        foreach (var beta in new[] { 0.2, 1, 5 })
        {
            var tactic = new TimeDependentTactic(beta);
            Assert.Equal(1_000, tactic.Offer(Buyer(0)));
            Assert.Equal(101_000, tactic.Offer(Buyer(10)));
            Assert.Equal(101_000, tactic.Offer(Buyer(14))); // past the deadline it stays there
        }
    }

    [Fact]
    public void Linear_concedes_evenly_Boulware_late_and_Conceder_early()
    {
        // Half way: α = 0.5^(1/β): Linear 0.5, Boulware (β 0.2) 0.5^5 = 0.03125, Conceder (β 5) 0.5^0.2 ≈ 0.8706.
        Assert.Equal(51_000, new TimeDependentTactic(1).Offer(Buyer(5)));
        Assert.Equal(1_000 + 3_125, new TimeDependentTactic(0.2).Offer(Buyer(5)));
        Assert.Equal(1_000 + (long)Math.Round(Math.Pow(0.5, 0.2) * 100_000), new TimeDependentTactic(5).Offer(Buyer(5)));
    }

    [Fact]
    public void A_seller_concedes_downwards_from_the_top_of_the_range()
    {
        var seller = new NegotiationPosition(Side.Sell, 5, 10, Best: 200_000, Reservation: 100_000, OwnLast: null, Theirs: []);
        Assert.Equal(150_000, new TimeDependentTactic(1).Offer(seller));
        Assert.True(seller.AtLeastAsGood(160_000, 150_000));
        Assert.False(seller.AtLeastAsGood(140_000, 150_000));
    }

    [Property(MaxTest = 300)]
    public bool Offers_stay_between_best_and_reservation_and_never_go_back(PositiveInt a, PositiveInt b, byte deadline, bool buyer)
    {
        var beta = a.Get % 2 == 0 ? 1.0 / (1 + a.Get % 50) : 1 + a.Get % 50;
        var (best, reservation) = buyer ? (1L, 1L + b.Get) : (1L + b.Get, 1L);
        var tactic = new TimeDependentTactic(beta);
        var t = Math.Max(1, (int)deadline);
        var previous = best;
        for (var round = 0; round <= t + 1; round++)
        {
            var offer = tactic.Offer(new NegotiationPosition(buyer ? Side.Buy : Side.Sell, round, t, best, reservation, null, []));
            if (offer < Math.Min(best, reservation) || offer > Math.Max(best, reservation)) return false;
            if (buyer ? offer < previous : offer > previous) return false;
            previous = offer;
        }
        return previous == reservation;
    }

    [Property(MaxTest = 200)]
    public bool A_smaller_beta_never_concedes_more(PositiveInt round, PositiveInt deadline)
    {
        var t = 1 + deadline.Get % 40;
        var r = round.Get % (t + 1);
        var position = new NegotiationPosition(Side.Buy, r, t, 0, 1_000_000, null, []);
        var boulware = new TimeDependentTactic(0.2).Offer(position);
        var linear = new TimeDependentTactic(1).Offer(position);
        var conceder = new TimeDependentTactic(5).Offer(position);
        return boulware <= linear && linear <= conceder;
    }

    [Fact]
    public void Beta_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeDependentTactic(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeDependentTactic(double.NaN));
    }
}
