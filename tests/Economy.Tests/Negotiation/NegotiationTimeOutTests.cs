using M2MSim.Economy.Devices;
using M2MSim.Economy.Money;

namespace M2MSim.Economy.Tests.Negotiation;

/// <summary>A negotiation whose partner's answer is overdue (a lost move, a partner away) is given up on time.</summary>
public sealed class NegotiationTimeOutTests
{
    private static long M(double units) => Micros.FromUnits(units);

    private static Bargaining Pair() => new(Bargaining.Scenario(
        "strategy: {kind: linear, deadline: 6}, buys: {data: [150]}",
        "strategy: {kind: linear, deadline: 6}, sells: {data: [50]}"));

    [Fact]
    public void A_buyer_whose_opening_offer_is_lost_gives_up_two_ticks_later_and_opens_anew()
    {
        var b = Pair();
        var buyer = b.Devices[0];
        b.Tick(0, lose: m => m.Kind == MessageKind.Offer);
        Assert.Equal(M(150), buyer.Snapshot().Escrow); // the unit's value, held while it bargains
        Assert.Empty(b.Tick(1)[1].Messages ?? []); // the seller heard nothing
        Assert.Equal(1, buyer.NegotiationsHeld);

        var t2 = b.Tick(2); // the answer is overdue: given up, the value released, and a new negotiation opened
        var reopened = Assert.Single(t2[0].Messages!);
        Assert.Equal((MessageKind.Offer, 0, 2), (reopened.Kind, reopened.Round, reopened.Opened));
        Assert.Equal(1, buyer.NegotiationsHeld);
        Assert.Equal(M(150), buyer.Snapshot().Escrow); // held once, for the new one
    }

    [Fact]
    public void When_a_counter_offer_is_lost_both_sides_give_up_and_nothing_is_paid()
    {
        var b = Pair();
        var (buyer, seller) = (b.Devices[0], b.Devices[1]);
        b.Tick(0);
        b.Tick(1, lose: m => m.From == 1); // the seller's counter-offer is lost
        Assert.Equal(1, seller.NegotiationsHeld);
        b.Tick(2, lose: _ => true); // the buyer gives up (and its new opening is lost too)
        Assert.Equal(1, buyer.NegotiationsHeld); // only the new one
        b.Tick(3, lose: _ => true); // the seller's answer was due now: it gives up
        Assert.Equal(0, seller.NegotiationsHeld);
        Assert.Equal((M(1000), 0L), (buyer.Snapshot().Balance + buyer.Snapshot().Escrow, seller.Snapshot().Balance));
    }

    [Fact]
    public void An_offer_read_late_after_being_offline_is_not_answered()
    {
        var b = Pair();
        var seller = b.Devices[1];
        b.Tick(0);
        b.Tick(1, offline: new HashSet<int> { 1 });
        b.Tick(2, offline: new HashSet<int> { 1 }); // the buyer gives up and opens anew
        var t3 = b.Tick(3); // back: the stale opening of tick 0 goes unanswered; the fresh one of tick 2 is answered
        var answer = Assert.Single(t3[1].Messages!);
        Assert.Equal((MessageKind.Offer, 2, 1), (answer.Kind, answer.Opened, answer.Round));
        Assert.Equal(1, seller.NegotiationsHeld);
    }

    [Fact]
    public void Without_lost_moves_or_absent_partners_no_negotiation_times_out()
    {
        // Boulware against Boulware with long deadlines: many rounds, each answered the next tick.
        var b = new Bargaining(Bargaining.Scenario(
            "strategy: {kind: boulware, deadline: 30}, buys: {data: [150]}",
            "strategy: {kind: boulware, deadline: 30}, sells: {data: [50]}"));
        var rounds = 0;
        for (var tick = 0; tick < 40 && b.Devices[0].Snapshot().Bought[2] == 0; tick++)
        {
            var results = b.Tick(tick);
            rounds += results.Sum(r => (r.Messages ?? []).Count(m => m.Kind == MessageKind.Offer));
            Assert.DoesNotContain(results.SelectMany(r => r.Messages ?? []), m => m.Kind == MessageKind.WalkAway);
        }
        Assert.True(rounds > 10, $"{rounds} offers");
        Assert.Equal(1, b.Devices[0].Snapshot().Bought[2]); // it ended in a deal, not a time-out
    }
}
