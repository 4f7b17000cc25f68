using M2MSim.Economy.Markets;
using M2MSim.Economy.Money;
using M2MSim.Economy.Negotiation;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Devices;

/// <summary>
/// Bilateral negotiation, stacked alternating offers with deadlines (Faratin, Sierra &amp; Jennings
/// 1998): a buyer opens with one seller drawn at random, then each side answers the other's offer in
/// its next step (one round per tick): accept it if it is at least as good as the counter-offer its
/// tactic would make, else counter, or walk away once past its own deadline. A buyer holds its
/// unit's value in escrow while it bargains, so it can always pay what it agreed to. The side that
/// accepts logs the deal; the buyer pays through a message, and the seller pays the market's fee.
/// </summary>
public sealed partial class Device
{
    private readonly INegotiationTactic? _tactic;

    // Keyed by partner and resource: a device buys or sells a resource, never both, and a buyer
    // bargains with one seller per resource at a time. Made at the device's first negotiation: most
    // devices never negotiate, and an empty dictionary each was 80 bytes of every device (a tenth of it).
    private Dictionary<(int Partner, Resource Resource), Bargain>? _held;
    private static readonly Dictionary<(int Partner, Resource Resource), Bargain> NoBargains = [];

    /// <summary>The negotiations held, to read or end (an empty shared dictionary until the first one opens).</summary>
    private Dictionary<(int Partner, Resource Resource), Bargain> Bargains => _held ?? NoBargains;

    /// <summary>The negotiations held, to open one in.</summary>
    private Dictionary<(int Partner, Resource Resource), Bargain> OpenBargains => _held ??= [];

    // Scenarios with deliveries: units paid for and not received, and sellers that did not deliver.
    private List<Delivery>? _awaiting;
    private HashSet<int>? _distrusted;

    /// <summary>Units this buyer paid for that were never delivered (judged overdue and still not received).</summary>
    public int Undelivered => _awaiting?.Count(d => d.Judged) ?? 0;

    /// <summary>Negotiations this device holds open (including sales waiting for their payment).</summary>
    public int NegotiationsHeld => Bargains.Count;

    /// <summary>A buyer paid for a unit this seller agreed to sell (or offered and the buyer accepted). Returns the fee.</summary>
    private long ReceivePayment(in PeerMessage m, Outbox outbox)
    {
        var b = Find(m, Side.Sell) ?? throw new InvalidOperationException($"Device {Id} was paid {m.Amount} by device {m.From} for no deal it made.");
        var agreed = b.AwaitingPayment ? b.Agreed : b.OwnLast;
        if (m.Amount != agreed) throw new InvalidOperationException($"Device {m.From} paid device {Id} {m.Amount} for a unit agreed at {agreed}.");
        if (!b.AwaitingPayment) MarkTraded(b); // the buyer accepted this seller's offer: the unit is sold now
        Bargains.Remove((b.Partner, b.Resource));
        var fee = Micros.MulPpm(m.Amount, Spec.Markets[(int)b.Resource].FeePpm);
        _wallet.Receive(m.Amount - fee);
        _sold[(int)b.Resource]++;
        _surplus = checked(_surplus + (m.Amount - fee) - b.UnitPrice);
        // An honest seller hands the unit over; a dishonest one keeps the money and sends nothing.
        if (Spec.Deliveries && !Spec.Dishonest) outbox.Send(new PeerMessage(Id, m.From, MessageKind.Deliver, m.Amount, b.Resource, b.Opened, m.Round + 1));
        return fee;
    }

    /// <summary>The seller accepted this buyer's last offer: pay it.</summary>
    private void Accepted(in PeerMessage m, int tick, Outbox outbox)
    {
        var b = Find(m, Side.Buy);
        if (b is null || m.Amount != b.OwnLast)
            throw new InvalidOperationException($"Device {m.From} accepted {m.Amount} from device {Id}, which made no such offer.");
        Bargains.Remove((b.Partner, b.Resource));
        Buy(b, m.Amount, m.Round, tick, outbox);
    }

    /// <summary>The seller handed over a unit this buyer paid for: its value is realised now.</summary>
    private void Delivered(in PeerMessage m)
    {
        var (from, resource, opened) = (m.From, m.Resource, m.Opened);
        var d = _awaiting?.Find(x => x.Seller == from && x.Resource == resource && x.Opened == opened)
            ?? throw new InvalidOperationException($"Device {m.From} delivered to device {Id} a unit it did not pay for.");
        _awaiting!.Remove(d);
        _bought[(int)d.Resource]++;
        _surplus = checked(_surplus + d.Value);
    }

    /// <summary>Answers offers and walk-aways, in sender order; stale ones (of a negotiation already over) are ignored.</summary>
    private void Answer(int tick, List<PeerMessage> moves, Outbox outbox)
    {
        foreach (var m in moves)
        {
            if (m.Kind == MessageKind.WalkAway)
            {
                if (Find(m, side: null) is { AwaitingPayment: false } gone) Close(gone);
                continue;
            }
            if (m.Kind != MessageKind.Offer) throw new InvalidOperationException($"Device {Id} cannot read message {m}.");
            // Round r is sent in tick Opened + r and read in the next. One read later waited while this
            // device was offline: its sender has given up on it by now (see TimeOut), so it is not answered.
            if (tick > m.Opened + m.Round + 1) continue;
            var tactic = _tactic ?? throw new InvalidOperationException($"Device {Id} ({Spec.Strategy.Name}) was offered a deal but does not negotiate.");

            Bargain? b;
            if (Bargains.TryGetValue((m.From, m.Resource), out var held))
            {
                if (held.Opened != m.Opened || held.AwaitingPayment) continue;
                b = held;
            }
            else if (m.Round != 0 || (b = OpenAsSeller(m, outbox)) is null) continue;

            b.Heard(m.Amount);
            var round = m.Round + 1;
            var position = b.At(round);
            if (round > position.Deadline)
            {
                outbox.Send(new PeerMessage(Id, m.From, MessageKind.WalkAway, 0, m.Resource, m.Opened, round));
                Close(b);
                continue;
            }
            var counter = tactic.Offer(position);
            if (position.AtLeastAsGood(m.Amount, counter)) AcceptOffer(b, m, tick, outbox);
            else
            {
                b.Offered(counter);
                outbox.Send(new PeerMessage(Id, m.From, MessageKind.Offer, counter, m.Resource, m.Opened, round, b.UnitPrice));
            }
        }
    }

    /// <summary>
    /// A buyer's opening offer: the seller takes it up for its cheapest unit not sold or promised,
    /// or walks away at once when it has none (or none it can sell within the market's range).
    /// </summary>
    private Bargain? OpenAsSeller(in PeerMessage m, Outbox outbox)
    {
        // An opening sent in an earlier period is for units that period took with it.
        if (_regime is null || Spec.Schedule!.PeriodOf(m.Opened) != _period) return null;
        var i = (int)m.Resource;
        var market = Spec.Markets[i];
        var costs = _regime.Units(i, Side.Sell);
        var traded = TradedSlots[Slot(m.Resource, Side.Sell)];
        var resource = m.Resource;
        var promised = Bargains.Values.Where(x => x.Resource == resource && !x.AwaitingPayment).Select(x => x.Unit).ToHashSet();
        var unit = -1;
        for (var u = 0; u < costs.Length && unit < 0; u++)
        {
            if (!traded[u] && !promised.Contains(u)) unit = u;
        }
        var reservation = unit < 0 ? 0 : market.GrossCost(costs[unit]);
        if (unit < 0 || reservation > market.Max)
        {
            outbox.Send(new PeerMessage(Id, m.From, MessageKind.WalkAway, 0, m.Resource, m.Opened, m.Round + 1));
            return null;
        }
        var b = new Bargain(m.From, m.Resource, Side.Sell, m.Opened, unit, market.Max, reservation, costs[unit], Spec.Deadline);
        OpenBargains.Add((m.From, m.Resource), b);
        return b;
    }

    /// <summary>Accepts the partner's offer: the accepting side logs the deal; a seller waits for the money, a buyer pays it.</summary>
    private void AcceptOffer(Bargain b, in PeerMessage m, int tick, Outbox outbox)
    {
        var price = m.Amount;
        var market = Spec.Markets[(int)b.Resource];
        var buyer = b.Side == Side.Buy ? Id : m.From;
        var seller = b.Side == Side.Sell ? Id : m.From;
        var (value, cost) = b.Side == Side.Buy ? (b.UnitPrice, m.Reservation) : (m.Reservation, b.UnitPrice);
        outbox.Record(new Trade(tick, b.Resource, 0, buyer, seller, 1, price, Micros.MulPpm(price, market.FeePpm), value, cost, m.Round + 1));
        if (b.Side == Side.Sell)
        {
            MarkTraded(b);
            b.AwaitPayment(price);
            outbox.Send(new PeerMessage(Id, m.From, MessageKind.Accept, price, b.Resource, b.Opened, m.Round + 1));
            return;
        }
        Bargains.Remove((b.Partner, b.Resource));
        Buy(b, price, m.Round + 1, tick, outbox);
    }

    /// <summary>The buyer's side of a deal: it pays from the value it held in escrow and consumes the unit.</summary>
    private void Buy(Bargain b, long price, int round, int tick, Outbox outbox)
    {
        MarkTraded(b);
        _wallet.PayFromEscrow(price);
        _wallet.Release(b.Reservation - price);
        if (Spec.Deliveries)
        {
            // Paid now, received (and its value realised) when the seller delivers, if it does.
            _surplus = checked(_surplus - price);
            (_awaiting ??= []).Add(new Delivery(b.Partner, b.Resource, b.Opened, b.UnitPrice, tick));
        }
        else
        {
            _bought[(int)b.Resource]++;
            _surplus = checked(_surplus + b.UnitPrice - price);
        }
        outbox.Send(new PeerMessage(Id, b.Partner, MessageKind.Pay, price, b.Resource, b.Opened, round, b.UnitPrice));
    }

    /// <summary>
    /// On an active tick a buyer with no negotiation open for a negotiated resource opens one for its
    /// next unit, with a seller drawn uniformly from those that sell it, if it can hold the unit's value.
    /// </summary>
    private void OpenNegotiations(int tick, Outbox outbox)
    {
        if (_regime is null || Spec.Sellers is not { } sellersByResource) return;
        var random = new RandomStream(Spec.Seed, RandomPurpose.Negotiation, Spec.Id, tick);
        foreach (var resource in Resources.Resources.All)
        {
            var i = (int)resource;
            var market = Spec.Markets[i];
            if (!market.Negotiated || sellersByResource[i] is not { Length: > 0 } sellers) continue;
            var values = _regime.Buys[i];
            var unit = Array.IndexOf(TradedSlots[Slot(resource, Side.Buy)], false);
            if (unit < 0 || values[unit] < market.Min) continue;
            if (Bargains.Values.Any(x => x.Resource == resource)) continue;
            if (!_wallet.TryReserve(values[unit])) continue;

            var seller = Draw(sellers, ref random);
            if (_distrusted is not null)
            {
                // A seller that did not deliver is avoided: a few more draws, else no negotiation this tick.
                for (var k = 0; k < MaxRedraws && _distrusted.Contains(seller); k++) seller = Draw(sellers, ref random);
                if (_distrusted.Contains(seller))
                {
                    _wallet.Release(values[unit]);
                    continue;
                }
            }
            var b = new Bargain(seller, resource, Side.Buy, tick, unit, market.Min, values[unit], values[unit], Spec.Deadline);
            var offer = _tactic!.Offer(b.At(0));
            b.Offered(offer);
            OpenBargains.Add((seller, resource), b);
            outbox.Send(new PeerMessage(Id, seller, MessageKind.Offer, offer, resource, tick, 0, values[unit]));
        }
    }

    private const int MaxRedraws = 8;

    private static int Draw(IdRange[] ranges, ref RandomStream random)
    {
        long total = 0;
        foreach (var r in ranges) total += r.Count;
        var k = random.NextLong(0, total - 1);
        foreach (var r in ranges)
        {
            if (k < r.Count) return r.First + (int)k;
            k -= r.Count;
        }
        throw new InvalidOperationException("Unreachable: k < total.");
    }

    /// <summary>The negotiation a message belongs to, if this device still holds it (and on the given side).</summary>
    private Bargain? Find(in PeerMessage m, Side? side) =>
        Bargains.TryGetValue((m.From, m.Resource), out var b) && b.Opened == m.Opened && (side is null || b.Side == side) ? b : null;

    private void MarkTraded(Bargain b)
    {
        var traded = TradedSlots[Slot(b.Resource, b.Side)];
        if (traded[b.Unit]) throw new InvalidOperationException($"Device {Id} traded unit {b.Unit} of {b.Resource.Name()} twice in one period.");
        traded[b.Unit] = true;
    }

    /// <summary>Ends a negotiation without a deal: a buyer gets back the value it held.</summary>
    private void Close(Bargain b)
    {
        Bargains.Remove((b.Partner, b.Resource));
        if (b.Side == Side.Buy) _wallet.Release(b.Reservation);
    }

    /// <summary>
    /// Gives up the negotiations whose partner's answer is overdue: the answer to a buyer's offer of
    /// round 2k (sent in tick Opened + 2k) is read in tick Opened + 2k + 2 at the latest, and to a
    /// seller's of round 2k − 1 in Opened + 2k + 1, where k is the number of the partner's offers
    /// heard. Only a lost move, or a partner offline or failed, makes one overdue; without those
    /// faults this never fires. A buyer gets back the value it held. Called after the step's messages
    /// are read, so an answer that did come is never missed.
    /// </summary>
    private void TimeOut(int tick)
    {
        if (_awaiting is not null)
        {
            // Read by PaidAt + 2 when the seller is honest and there: an overdue delivery is judged once.
            foreach (var d in _awaiting)
            {
                if (d.Judged || tick < d.PaidAt + 2) continue;
                d.Judged = true;
                if (Spec.Reputation) (_distrusted ??= []).Add(d.Seller);
            }
        }
        List<Bargain>? overdue = null;
        foreach (var b in Bargains.Values)
        {
            if (b.AwaitingPayment) continue;
            var due = b.Opened + 2 * b.Theirs.Count + (b.Side == Side.Buy ? 2 : 1);
            if (tick >= due) (overdue ??= []).Add(b);
        }
        if (overdue is null) return;
        foreach (var b in overdue) Close(b);
    }

    /// <summary>In the settlement after the last tick: every offer still arriving is turned down.</summary>
    private void EndNegotiations(List<PeerMessage> moves, Outbox outbox)
    {
        foreach (var m in moves)
        {
            if (m.Kind == MessageKind.Offer)
                outbox.Send(new PeerMessage(Id, m.From, MessageKind.WalkAway, 0, m.Resource, m.Opened, m.Round + 1));
        }
    }

    /// <summary>At a new period the open negotiations end with the old endowment; sales waiting for their money stay.</summary>
    private void DropNegotiations()
    {
        foreach (var b in Bargains.Values.Where(b => !b.AwaitingPayment).ToList()) Close(b);
    }
}
