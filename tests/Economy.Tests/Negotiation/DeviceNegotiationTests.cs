using M2MSim.Economy.Devices;
using M2MSim.Economy.Money;

namespace M2MSim.Economy.Tests.Negotiation;

/// <summary>The alternating-offers protocol as two devices play it, step by step.</summary>
public sealed class DeviceNegotiationTests
{
    private static long M(double units) => Micros.FromUnits(units);

    [Fact]
    public void Linear_traders_meet_at_the_buyers_deadline_and_the_money_moves_once()
    {
        var b = new Bargaining(Bargaining.Scenario(
            "strategy: {kind: linear, deadline: 2}, buys: {data: [150]}",
            "strategy: {kind: linear, deadline: 2}, sells: {data: [50]}"));
        var (buyer, seller) = (b.Devices[0], b.Devices[1]);

        var t0 = b.Tick(0);
        var open = Assert.Single(t0[0].Messages!);
        Assert.Equal((MessageKind.Offer, 1, 0, M(1)), (open.Kind, open.To, open.Round, open.Amount)); // the buyer's best
        Assert.Equal(M(1000), buyer.Wealth); // its value is held in escrow, still its money

        var t1 = b.Tick(1);
        var counter = Assert.Single(t1[1].Messages!);
        Assert.Equal((MessageKind.Offer, 1, M(125)), (counter.Kind, counter.Round, counter.Amount)); // 200 − ½ × 150

        var t2 = b.Tick(2); // the buyer's own offer at its deadline would be 150: 125 is better, so it accepts and pays
        var pay = Assert.Single(t2[0].Messages!);
        Assert.Equal((MessageKind.Pay, M(125)), (pay.Kind, pay.Amount));
        var deal = Assert.Single(t2[0].Deals!);
        Assert.Equal((0, 1, M(125), M(150), M(50), 2), (deal.Buyer, deal.Seller, deal.Price, deal.BuyerValue, deal.SellerCost, deal.Rounds));
        Assert.Equal(M(125), b.InFlight);

        b.Tick(3);
        Assert.Equal(0, b.InFlight);
        var (bs, ss) = (buyer.Snapshot(), seller.Snapshot());
        Assert.Equal((M(875), 0L, M(25), 1L), (bs.Balance, bs.Escrow, bs.Surplus, bs.Bought[2]));
        Assert.Equal((M(125), M(75), 1L), (ss.Balance, ss.Surplus, ss.Sold[2]));
        Assert.Equal(0, buyer.NegotiationsHeld + seller.NegotiationsHeld);

        // One unit each, one period: nothing more happens.
        Assert.All(b.Tick(4).Concat(b.Tick(5)), r => Assert.Null(r.Messages));
    }

    [Fact]
    public void The_seller_pays_the_fee_and_never_sells_below_its_cost_after_it()
    {
        var b = new Bargaining(Bargaining.Scenario(
            "strategy: {kind: linear, deadline: 2}, buys: {data: [150]}",
            "strategy: {kind: linear, deadline: 2}, sells: {data: [50]}",
            market: "price_range: [1, 200], fee: 0.1"));
        for (var t = 0; t < 4; t++) b.Tick(t);
        var seller = b.Devices[1].Snapshot();
        // Gross cost ⌈50 / 0.9⌉ = 55.555556; the seller's round-1 offer 200 − ½ (200 − 55.555556) = 127.777778 is accepted.
        var fee = Micros.MulPpm(M(127.777778), 100_000);
        Assert.Equal(M(127.777778) - fee, seller.Balance);
        Assert.Equal(fee, b.Fees);
        Assert.True(seller.Balance >= M(50));
        Assert.Equal(M(1000), b.Devices.Sum(d => d.Wealth) + b.Fees); // the buyer's 1000 at the start, none created or lost
    }

    [Fact]
    public void A_seller_accepts_an_opening_offer_it_likes_and_the_buyer_pays_on_hearing_it()
    {
        var b = new Bargaining(Bargaining.Scenario(
            "strategy: {kind: boulware, deadline: 4}, buys: {data: [150]}",
            "strategy: {kind: conceder, deadline: 1}, sells: {data: [5]}",
            market: "price_range: [10, 200]"));
        b.Tick(0);
        var t1 = b.Tick(1);
        var accept = Assert.Single(t1[1].Messages!);
        Assert.Equal((MessageKind.Accept, M(10)), (accept.Kind, accept.Amount));
        Assert.Equal(1, Assert.Single(t1[1].Deals!).Rounds); // logged by the seller, who accepted
        var t2 = b.Tick(2);
        Assert.Equal(MessageKind.Pay, Assert.Single(t2[0].Messages!).Kind);
        Assert.Null(t2[0].Deals); // logged once, by the side that accepted
        b.Tick(3);
        Assert.Equal(M(10), b.Devices[1].Snapshot().Balance);
    }

    [Fact]
    public void Past_its_deadline_a_device_walks_away_and_the_buyer_gets_its_escrow_back()
    {
        var b = new Bargaining(Bargaining.Scenario(
            "strategy: {kind: boulware, deadline: 1}, buys: {data: [150]}",
            "strategy: {kind: boulware, deadline: 10}, sells: {data: [50]}"));
        b.Tick(0);
        b.Tick(1); // the seller asks near 200
        var t2 = b.Tick(2);
        var walk = t2[0].Messages!.First(m => m.To == 1 && m.Opened == 0);
        Assert.Equal(MessageKind.WalkAway, walk.Kind);
        // The buyer walked away and, still active, opened anew in the same step: one escrow of 150 held, not two.
        Assert.Equal((M(850), M(150)), (b.Devices[0].Snapshot().Balance, b.Devices[0].Snapshot().Escrow));
        Assert.Contains(t2[0].Messages!, m => m.Kind == MessageKind.Offer && m.Opened == 2 && m.Round == 0);
        b.Tick(3); // the seller reads the walk-away before the new opening offer
        Assert.Equal(1, b.Devices[1].NegotiationsHeld);
        Assert.All(b.Devices, d => Assert.Equal(0, d.Snapshot().Surplus));
    }

    [Fact]
    public void A_seller_with_every_unit_promised_turns_new_buyers_away_at_once()
    {
        var b = new Bargaining(Bargaining.Scenario(
            "strategy: {kind: boulware, deadline: 10}, buys: {data: [150]}",
            "strategy: {kind: boulware, deadline: 10}, sells: {data: [50]}",
            buyers: 2));
        b.Tick(0); // both buyers can only pick device 2
        var t1 = b.Tick(1);
        var replies = t1[2].Messages!.OrderBy(m => m.To).ToArray();
        Assert.Equal(MessageKind.Offer, replies[0].Kind);    // buyer 0, read first, gets the unit
        Assert.Equal(MessageKind.WalkAway, replies[1].Kind); // buyer 1 is turned away
        Assert.Equal(1, b.Devices[2].NegotiationsHeld);
    }

    [Fact]
    public void A_new_period_ends_open_negotiations_and_their_late_messages_are_ignored()
    {
        var b = new Bargaining(Bargaining.Scenario(
            "strategy: {kind: boulware, deadline: 20}, buys: {data: [150]}",
            "strategy: {kind: boulware, deadline: 20}, sells: {data: [50]}",
            periods: "periods: {length: 3}"));
        b.Tick(0);
        b.Tick(1);
        b.Tick(2); // last tick of period 0: the buyer counters
        var t3 = b.Tick(3); // period 1: the seller dropped the old negotiation and ignores the counter; the buyer opens anew
        Assert.DoesNotContain(t3[1].Messages ?? [], m => m.Opened == 0);
        Assert.Contains(t3[0].Messages!, m => m.Kind == MessageKind.Offer && m.Opened == 3 && m.Round == 0);
        Assert.Equal(1, b.Devices[0].NegotiationsHeld);
        Assert.Equal(M(150), b.Devices[0].Snapshot().Escrow); // the old escrow was released, the new one held
    }
}
