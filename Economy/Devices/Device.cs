using System.Runtime.CompilerServices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Settlement;
using M2MSim.Economy.Strategies;
using M2MSim.Economy.Wallets;

namespace M2MSim.Economy.Devices;

/// <summary>
/// One device's behaviour and state: wallet, inventory, strategy. Both engines drive it through
/// <see cref="Step"/> only, so the Orleans grain and the reference loop cannot drift apart.
/// </summary>
public sealed partial class Device
{
    /// <summary>
    /// The most units one order may carry. Data inventory accumulates over ticks, so without a cap
    /// a sell order could be arbitrarily large; with it, and prices of at most 10^6 money units
    /// (10^12 micro-units, the scenario limit), price × quantity ≤ 10^18 fits in a long.
    /// </summary>
    public const int MaxOrderQuantity = 1_000_000;

    private readonly IStrategy? _strategy; // null for a negotiation tactic, which quotes in no market
    private readonly Wallet _wallet;
    // Inline, indexed by resource: mutable struct fields, so never copied into a local to change.
    private ResourceAmounts _inventory;
    private ResourceAmounts _reserved;
    private ResourceAmounts _bought;
    private ResourceAmounts _sold;
    private long _surplus;

    // This tick's value and cost per unit of each resource: the spec's, or (populations with redraw)
    // drawn afresh at each active step. A result settles against the values of the tick its order
    // was sent in, since settling comes before the next draw.
    private readonly long[] _values;
    private readonly long[] _costs;

    // Unit-schedule traders only: the period whose endowment the device holds, its schedules, and
    // which of their units it has traded in that period (indexed by resource × 2 + side, then unit;
    // made at the first period or restore, so a device without schedules carries none).
    private int _period = -1;
    private ScheduleRegime? _regime;
    private bool[][]? _tradedSlots;

    private bool[][] TradedSlots => _tradedSlots ??= new bool[Resources.Resources.Count * 2][];

    // Orders sent and not settled yet, by id, with the trading period each was sent in. Most
    // mechanisms answer the next tick, so this is empty whenever the device quotes; a tender holds
    // an awarded job's order until the job completes. Until then the device does not quote that
    // order's slot again, so its money or units are never committed twice and a live id is never reused.
    private OutstandingOrders? _outstanding;

    // Whether the device produces, needs or trades anything, wears or settles on a ledger. One that
    // does none of these (the money model's) has nothing to do in an active step but give: the
    // per-resource pass below would leave its state as it was, so it is skipped.
    private readonly bool _trades;

    // A bit per resource the device neither produces, consumes, trades nor wears, and whose special
    // rules (a ledger's compute, a data policy, a part's service) do not apply. It never holds any
    // (a checkpoint that says otherwise is refused), so the per-resource pass would leave it as it
    // was, and skips it: the market model's devices trade one resource of four.
    private readonly int _idle;

    public Device(DeviceSpec spec)
        : this(spec, new Wallet(spec.InitialBalance))
    {
    }

    /// <summary>A device as its spec builds it, but for its wallet (a restored device brings its own: Device.Checkpoint.cs).</summary>
    private Device(DeviceSpec spec, Wallet wallet)
    {
        Spec = spec;
        _strategy = spec.Strategy.Create(spec.Seed, spec.Id);
        _tactic = spec.Strategy.CreateTactic();
        _wallet = wallet;
        // Copied only when they change: a fixed device shares its spec's arrays.
        _values = spec.Redraw is null ? spec.Values : (long[])spec.Values.Clone();
        _costs = spec.Redraw is null ? spec.Costs : (long[])spec.Costs.Clone();
        _life = spec.Wear?.Initial ?? 0; // a new part, or one of some age (wear.start: spread)
        _trades = spec.Wear is not null || spec.Ledger is not null
            || spec.Production.Any(p => p != 0) || spec.Consumption.Any(c => c != 0) || spec.Markets.Any(m => m.HasMarket);
        foreach (var resource in Resources.Resources.All)
        {
            var i = (int)resource;
            var special = resource switch
            {
                Resource.Compute => spec.Ledger is not null,
                Resource.Data => spec.DataPolicy is not null,
                Resource.Service => spec.Wear is not null,
                _ => false,
            };
            if (spec.Production[i] == 0 && spec.Consumption[i] == 0 && !spec.Markets[i].HasMarket && !special) _idle |= 1 << i;
        }
    }

    /// <summary>The device's strategy object (its own, for a learning strategy).</summary>
    public IStrategy Strategy => _strategy ?? throw new InvalidOperationException($"Device {Id} negotiates ({Spec.Strategy.Name}); it has no market strategy.");

    public DeviceSpec Spec { get; }

    // The small members a step reads are marked for inlining: Step is so large that the JIT's budget
    // left each of them a call (a few per step, at 100 k devices a tenth of a money step's time).
    public int Id
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Spec.Id;
    }

    /// <summary>Balance + escrow + money paid to it and not confirmed yet.</summary>
    public long Wealth => Holdings;

    /// <summary>
    /// Settles last tick's order results and messages, answers negotiation offers, then, if the
    /// device is scheduled this tick and the run is not in its final settlement, produces, consumes,
    /// quotes and opens negotiations.
    /// </summary>
    /// <param name="settlements">Results of this device's orders from the previous tick.</param>
    /// <param name="final">True for the settlement after the last tick: settle and pay what was agreed, start nothing.</param>
    /// <param name="tapes">The previous tick's tape of each market, for strategies that learn; null or
    /// empty for none. A device learns only on its active ticks, before it quotes.</param>
    /// <param name="incoming">Messages other devices sent it in the previous tick, sorted by sender.</param>
    /// <param name="ledger">The settlement ledger as of this tick (null: a direct ledger and no reward pool).</param>
    /// <param name="sent">Null: the messages the device sends are the result's <see cref="DeviceStepResult.Messages"/>.
    /// Otherwise they are added to this list, in the order sent, and the result holds none (so its
    /// <see cref="DeviceStepResult.Quiet"/> does not see them).</param>
    public DeviceStepResult Step(int tick, ReadOnlySpan<OrderResult> settlements, bool final, IReadOnlyList<MarketTape>? tapes = null,
        ReadOnlySpan<PeerMessage> incoming = default, LedgerView? ledger = null, List<PeerMessage>? sent = null)
    {
        OpenLedger(ledger);
        long fees = 0;
        foreach (var r in settlements) fees += Settle(r, tick);
        var outbox = Outbox.ForStep(sent);
        List<PeerMessage>? moves = null;
        foreach (ref readonly var m in incoming)
        {
            if (m.To != Id) throw new InvalidOperationException($"Device {Id} received device {m.To}'s message from device {m.From}.");
            switch (m.Kind)
            {
                case MessageKind.Gift: Credit(m.Amount, tick - 1); break; // sent (submitted) in the tick before at the latest
                case MessageKind.Pay: fees += ReceivePayment(m, outbox); break;
                case MessageKind.Accept: Accepted(m, tick, outbox); break;
                case MessageKind.Deliver: Delivered(m); break;
                default: (moves ??= []).Add(m); break; // answered after a new period has started
            }
        }

        if (final)
        {
            // The run is over: no negotiation goes on. A buyer gets back the value it held, and an
            // offer still arriving is answered with a walk-away so its buyer does too.
            if (moves is not null) EndNegotiations(moves, outbox);
            DropNegotiations();
            return Finish(outbox, fees);
        }
        // A new period starts at the device's first step in it, whether it acts or only answers.
        if (Spec.Schedule is { } schedule) StartPeriod(schedule, tick);
        if (moves is not null) Answer(tick, moves, outbox);
        if (Bargains.Count > 0 || _awaiting is { Count: > 0 }) TimeOut(tick);
        if (!Spec.IsActive(tick)) return Finish(outbox, fees);

        Give(tick, outbox);
        Spec.Redraw?.Draw(Spec.Seed, Id, tick, _values, _costs);
        if (_tactic is not null)
        {
            OpenNegotiations(tick, outbox);
            return Finish(outbox, fees);
        }
        if (!_trades) return Finish(outbox, fees);
        var random = new RandomStream(Spec.Seed, RandomPurpose.Strategy, Spec.Id, tick);
        if (tapes is { Count: > 0 } && Strategy.Learns) Learn(tapes, ref random);
        if (Spec.Schedule is not null)
        {
            QuoteUnits(outbox.Orders, ref random);
            return Finish(outbox, fees);
        }

        var orders = outbox.Orders;
        var works = Work(); // Device.Wear.cs: false on a tick of downtime
        foreach (var resource in Resources.Resources.All)
        {
            var i = (int)resource;
            if (IsIdle(resource)) continue;
            // Perishable goods left from an earlier tick are lost (compute is committed to the network
            // instead, with a reward pool: Device.Ledger.cs); data accumulates, less what a data owner
            // keeps private (Device.DataPolicy.cs).
            var produced = Offered(resource, works ? Spec.Production[i] : 0);
            _inventory[i] = resource == Resource.Compute ? ProduceCompute(tick, _inventory[i], produced)
                : resource.IsPerishable() ? produced : checked(_inventory[i] + produced);

            // A device serves its own needs before it trades; a part's replacement too.
            var wearNeed = WearNeed(resource);
            var need = (works ? (long)Spec.Consumption[i] : 0) + wearNeed;
            var own = Math.Min(need, _inventory[i]);
            _inventory[i] -= own;
            need -= own;
            if (wearNeed > 0) Replace(own);

            var market = Spec.Markets[i];
            if (!market.HasMarket || market.Negotiated) continue;

            // A chain fee is paid once per filled order: the buyer's value of a unit is net of its
            // share of the fee, and the fee is reserved with the price.
            var fee = LedgerFee;
            var value = fee == 0 ? _values[i] : _values[i] - (fee + need - 1) / Math.Max(need, 1);
            if (need > 0 && (fee == 0 || value > 0) && !IsOutstanding(OrderIds.For(Id, resource, Side.Buy)))
            {
                var price = Strategy.Bid(value, market, ref random);
                var quantity = price > 0 && _wallet.Balance > fee ? Math.Min(Math.Min(need, (_wallet.Balance - fee) / price), MaxOrderQuantity) : 0;
                if (quantity > 0 && _wallet.TryReserve(checked(price * quantity + fee)))
                    orders.Add(Sent(new Order(OrderIds.For(Id, resource, Side.Buy), Id, resource, Side.Buy, (int)quantity, price, _values[i])));
            }

            if (_inventory[i] > 0 && !IsOutstanding(OrderIds.For(Id, resource, Side.Sell)))
            {
                // The seller pays the fee, so its reservation price is the cost grossed up for it:
                // any fill at or above the ask then leaves proceeds − fee ≥ cost. Done here, not in
                // each strategy, so no strategy can forget it.
                var quantity = (int)Math.Min(_inventory[i], MaxOrderQuantity);
                var price = Floor(i, Strategy.Ask(market.GrossCost(QuoteCost(i) + (fee + quantity - 1) / quantity), market, ref random));
                if (price > 0)
                {
                    _inventory[i] -= quantity;
                    _reserved[i] += quantity;
                    orders.Add(Sent(new Order(OrderIds.For(Id, resource, Side.Sell), Id, resource, Side.Sell, quantity, price, _costs[i])));
                }
            }
        }
        return Finish(outbox, fees);
    }

    /// <summary>
    /// The random exchange of money (Drăgulescu &amp; Yakovenko 2000; Mesa's Boltzmann wealth model):
    /// a device that can afford its gift pays it to a uniformly random other device. Nobody goes
    /// below zero, and the money is in flight until the receiver's next step.
    /// </summary>
    private void Give(int tick, Outbox outbox)
    {
        var fee = LedgerFee;
        if (Spec.Gives <= 0 || Spec.Devices < 2 || _wallet.Balance < Spec.Gives + fee) return;
        var random = new RandomStream(Spec.Seed, RandomPurpose.Exchange, Spec.Id, tick);
        var to = (int)random.NextLong(0, Spec.Devices - 2);
        if (to >= Id) to++; // uniform over everyone else
        _wallet.Pay(Spec.Gives + fee);
        Submit(fee);
        outbox.Send(PeerMessage.Gift(Id, to, Spec.Gives));
    }

    public DeviceSnapshot Snapshot() => new(
        Id, Spec.Type, Spec.Strategy.Name, _wallet.Balance, _wallet.Escrow,
        ((ReadOnlySpan<long>)_inventory).ToArray(), ((ReadOnlySpan<long>)_bought).ToArray(), ((ReadOnlySpan<long>)_sold).ToArray(), _surplus,
        _downtime, _replacements, Withheld, _committed, _rewarded, _ledgerFees, _pendingTotal);

    /// <summary>
    /// The units of a side of a resource the device has not traded yet in the current period, in
    /// schedule order (the next one first). Empty for a device without unit schedules.
    /// </summary>
    public IEnumerable<long> RemainingUnits(Resource resource, Side side)
    {
        if (_regime is null) yield break;
        var units = _regime.Units((int)resource, side);
        var traded = TradedSlots[Slot(resource, side)];
        for (var u = 0; u < units.Length; u++)
        {
            if (!traded[u]) yield return units[u];
        }
    }

    private static int Slot(Resource resource, Side side) => (int)resource * 2 + (int)side;

    /// <summary>
    /// At the first step in a new trading period the endowment resets: every unit of the period's
    /// schedules may be traded once more, and what was left of the previous period is forfeited.
    /// Results of the previous period's last orders were settled before this, against its schedules.
    /// </summary>
    private void StartPeriod(DeviceSchedule schedule, int tick)
    {
        var period = schedule.PeriodOf(tick);
        if (period == _period) return;
        if (_period >= 0) DropNegotiations();
        _period = period;
        _regime = schedule.RegimeOf(period);
        foreach (var resource in Resources.Resources.All)
        {
            foreach (var side in (ReadOnlySpan<Side>)[Side.Buy, Side.Sell])
                TradedSlots[Slot(resource, side)] = new bool[_regime.Units((int)resource, side).Length];
        }
    }

    /// <summary>
    /// A unit-schedule trader's orders: one unit each, for its next unit only (<see cref="QuoteMode.One"/>)
    /// or for every remaining unit (<see cref="QuoteMode.All"/>), the unit's index as the order's slot.
    /// </summary>
    private void QuoteUnits(List<Order> orders, ref RandomStream random)
    {
        var regime = _regime!;
        var all = Spec.Schedule!.Quote == QuoteMode.All;
        foreach (var resource in Resources.Resources.All)
        {
            var i = (int)resource;
            var market = Spec.Markets[i];
            if (!market.HasMarket || market.Negotiated) continue;

            var values = regime.Buys[i];
            var bought = TradedSlots[Slot(resource, Side.Buy)];
            for (var u = 0; u < values.Length; u++)
            {
                if (bought[u] || IsOutstanding(OrderIds.For(Id, resource, Side.Buy, u))) continue;
                var price = Strategy.Bid(values[u], market, ref random);
                // Escrow as for any bid: a buyer never pays more than it holds.
                if (price > 0 && _wallet.TryReserve(price))
                    orders.Add(Sent(new Order(OrderIds.For(Id, resource, Side.Buy, u), Id, resource, Side.Buy, 1, price, values[u])));
                if (!all) break;
            }

            var costs = regime.Sells[i];
            var sold = TradedSlots[Slot(resource, Side.Sell)];
            for (var u = 0; u < costs.Length; u++)
            {
                if (sold[u] || IsOutstanding(OrderIds.For(Id, resource, Side.Sell, u))) continue;
                var price = Strategy.Ask(market.GrossCost(costs[u]), market, ref random);
                if (price > 0)
                    orders.Add(Sent(new Order(OrderIds.For(Id, resource, Side.Sell, u), Id, resource, Side.Sell, 1, price, costs[u])));
                if (!all) break;
            }
        }
    }

    /// <summary>
    /// Hands a learning strategy every shout of the tapes, in tape order, once for each side the device
    /// trades on in that market, with the limit price of the unit it would trade next.
    /// </summary>
    private void Learn(IReadOnlyList<MarketTape> tapes, ref RandomStream random)
    {
        Span<(Side Side, long Limit, bool Active)> roles = stackalloc (Side, long, bool)[2];
        foreach (var tape in tapes)
        {
            var market = Spec.Markets[(int)tape.Resource];
            if (!market.HasMarket || market.Negotiated || tape.Shouts.Length == 0) continue;
            var n = 0;
            foreach (var side in (ReadOnlySpan<Side>)[Side.Buy, Side.Sell])
            {
                if (Limit(tape.Resource, side, market) is { } role) roles[n++] = (side, role.Limit, role.Active);
            }
            foreach (var shout in tape.Shouts)
            {
                for (var k = 0; k < n; k++) Strategy.Observe(roles[k].Side, roles[k].Limit, roles[k].Active, shout, market, ref random);
            }
        }
    }

    /// <summary>
    /// The limit price the device trades a side of a resource at, or null if it does not trade that
    /// side: a schedule trader's next unit (its last, inactive, once all are traded); otherwise its value
    /// or cost. Sellers' limits are fee-inclusive, as they quote.
    /// </summary>
    private (long Limit, bool Active)? Limit(Resource resource, Side side, MarketTerms market)
    {
        var i = (int)resource;
        long limit;
        var active = true;
        if (_regime is not null)
        {
            var units = _regime.Units(i, side);
            if (units.Length == 0) return null;
            var traded = TradedSlots[Slot(resource, side)];
            var next = Array.IndexOf(traded, false);
            active = next >= 0;
            limit = units[active ? next : units.Length - 1];
        }
        else if (side == Side.Buy && (Spec.Consumption[i] > 0 || (resource == Resource.Service && Spec.Wear is not null))) limit = _values[i];
        else if (side == Side.Sell && Spec.Production[i] > 0) limit = QuoteCost(i);
        else return null;
        return (side == Side.Sell ? market.GrossCost(limit) : limit, active);
    }

    private bool IsOutstanding(long orderId) => _outstanding is not null && _outstanding.Contains(orderId);

    /// <summary>Records an order as sent, until its result is settled.</summary>
    private Order Sent(Order order)
    {
        (_outstanding ??= new()).Add(order.Id, _period);
        return order;
    }

    /// <summary>Applies one order result, in <paramref name="tick"/>; returns the market fee paid.</summary>
    private long Settle(in OrderResult r, int tick)
    {
        if (r.Device != Id) throw new InvalidOperationException($"Device {Id} received the result of device {r.Device}'s order {r.OrderId}.");
        if (r.Filled < 0 || r.Filled > r.Quantity) throw new InvalidOperationException($"Order {r.OrderId} filled {r.Filled} of {r.Quantity}.");
        var period = _outstanding is not null && _outstanding.Remove(r.OrderId, out var sentIn) ? sentIn : _period;
        if (Spec.Schedule is not null) return SettleUnit(r, period);
        var i = (int)r.Resource;
        if (r.Side == Side.Buy)
        {
            // Checked: these products are bounded by MaxOrderQuantity × the price limit, but a
            // result that breaks those bounds must fail loudly rather than wrap.
            var fee = LedgerFee;
            var reserved = checked(r.Quantity * r.LimitPrice + fee);
            if (r.Notional > checked(r.Filled * r.LimitPrice)) throw new InvalidOperationException($"Order {r.OrderId} paid above its limit.");
            var paid = r.Filled > 0 ? r.Notional + fee : 0; // an order that did not fill is no transaction
            _wallet.PayFromEscrow(paid);
            _wallet.Release(reserved - paid);
            if (r.Filled > 0) Submit(fee);
            _bought[i] += r.Filled;
            // Bought units meet this tick's need: they are consumed, and their value realised.
            // Surplus is a running sum over the whole run and values are not bounded by the
            // budget, so it is the one amount that can outgrow a long: then it throws, never wraps.
            _surplus = checked(_surplus + r.Filled * _values[i] - paid);
            if (r.Resource == Resource.Service) Replace(r.Filled); // a replacement part is fitted
            return 0;
        }

        if (r.Quantity > _reserved[i]) throw new InvalidOperationException($"Order {r.OrderId} sold {r.Quantity} units but only {_reserved[i]} were reserved.");
        _reserved[i] -= r.Quantity;
        _inventory[i] += r.Quantity - r.Filled;
        // The payout is the seller's transaction: its chain fee comes out of the proceeds (never more than them).
        var proceeds = r.Notional - r.Fee;
        var ledgerFee = r.Filled > 0 ? Math.Min(LedgerFee, proceeds) : 0;
        Credit(proceeds - ledgerFee, tick);
        if (r.Filled > 0) Submit(ledgerFee);
        _sold[i] += r.Filled;
        _surplus = checked(_surplus + (proceeds - ledgerFee) - r.Filled * _costs[i]);
        return r.Fee;
    }

    private bool IsIdle(Resource resource) => (_idle & (1 << (int)resource)) != 0;

    private DeviceStepResult Finish(Outbox outbox, long fees) =>
        outbox.Result(Holdings, fees, Bargains.Count > 0, Activity, Unsettled);

    /// <summary>
    /// Settles a one-unit order of a schedule trader against the unit its slot names in the period
    /// it was sent in. An order that outlived its period (a tender job still running when the next
    /// period began) is paid at that period's unit, and uses up no unit of the current period.
    /// </summary>
    private long SettleUnit(in OrderResult r, int period)
    {
        var i = (int)r.Resource;
        var slot = OrderIds.SlotOf(r.OrderId);
        var current = period == _period;
        var units = (current ? _regime : Spec.Schedule!.RegimeOf(period))?.Units(i, r.Side) ?? [];
        if (r.Quantity != 1 || slot >= units.Length) throw new InvalidOperationException($"Order {r.OrderId} is not one unit of device {Id}'s schedule.");
        var traded = TradedSlots[Slot(r.Resource, r.Side)];
        if (current && r.Filled > 0 && traded[slot]) throw new InvalidOperationException($"Unit {slot} of order {r.OrderId} was traded twice in one period.");
        if (current && r.Filled > 0) traded[slot] = true;
        if (r.Side == Side.Buy)
        {
            if (r.Notional > checked(r.Filled * r.LimitPrice)) throw new InvalidOperationException($"Order {r.OrderId} paid above its limit.");
            _wallet.PayFromEscrow(r.Notional);
            _wallet.Release(r.LimitPrice - r.Notional);
            _bought[i] += r.Filled;
            // A unit bought from a schedule is consumed: its value is realised, it is never resold.
            _surplus = checked(_surplus + r.Filled * units[slot] - r.Notional);
            return 0;
        }
        _wallet.Receive(r.Notional - r.Fee);
        _sold[i] += r.Filled;
        _surplus = checked(_surplus + (r.Notional - r.Fee) - r.Filled * units[slot]);
        return r.Fee;
    }
}
