using M2MSim.Economy.Markets;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Strategies;
using M2MSim.Economy.Wallets;

namespace M2MSim.Economy.Devices;

/// <summary>
/// One device's behaviour and state: wallet, inventory, strategy. Both engines drive it through
/// <see cref="Step"/> only, so the Orleans grain and the reference loop cannot drift apart.
/// </summary>
public sealed class Device
{
    /// <summary>
    /// The most units one order may carry. Data inventory accumulates over ticks, so without a cap
    /// a sell order could be arbitrarily large; with it, and prices of at most 10^6 money units
    /// (10^12 micro-units, the scenario limit), price × quantity ≤ 10^18 fits in a long.
    /// </summary>
    public const int MaxOrderQuantity = 1_000_000;

    private readonly IStrategy _strategy;
    private readonly Wallet _wallet;
    private readonly long[] _inventory = new long[Resources.Resources.Count];
    private readonly long[] _reserved = new long[Resources.Resources.Count];
    private readonly long[] _bought = new long[Resources.Resources.Count];
    private readonly long[] _sold = new long[Resources.Resources.Count];
    private long _surplus;

    public Device(DeviceSpec spec)
    {
        Spec = spec;
        _strategy = spec.Strategy.Create();
        _wallet = new Wallet(spec.InitialBalance);
    }

    public DeviceSpec Spec { get; }

    public int Id => Spec.Id;

    public long Wealth => _wallet.Total;

    /// <summary>
    /// Settles last tick's order results, then, if the device is scheduled this tick and the run
    /// is not in its final settlement, produces, consumes and quotes.
    /// </summary>
    /// <param name="settlements">Results of this device's orders from the previous tick.</param>
    /// <param name="final">True for the settlement after the last tick: settle, send nothing.</param>
    public DeviceStepResult Step(int tick, ReadOnlySpan<OrderResult> settlements, bool final)
    {
        long fees = 0;
        foreach (var r in settlements) fees += Settle(r);

        if (final || !Spec.IsActive(tick))
            return new DeviceStepResult([], _wallet.Total, fees);

        var random = new RandomStream(Spec.Seed, RandomPurpose.Strategy, Spec.Id, tick);
        var orders = new List<Order>(2);
        foreach (var resource in Resources.Resources.All)
        {
            var i = (int)resource;
            // Perishable goods left from an earlier tick are lost; data accumulates.
            _inventory[i] = resource.IsPerishable() ? Spec.Production[i] : checked(_inventory[i] + Spec.Production[i]);

            // A device serves its own needs before it trades.
            var need = (long)Spec.Consumption[i];
            var own = Math.Min(need, _inventory[i]);
            _inventory[i] -= own;
            need -= own;

            var market = Spec.Markets[i];
            if (!market.HasMarket) continue;

            if (need > 0)
            {
                var price = _strategy.Bid(Spec.Values[i], market, ref random);
                var quantity = price > 0 ? Math.Min(Math.Min(need, _wallet.Balance / price), MaxOrderQuantity) : 0;
                if (quantity > 0 && _wallet.TryReserve(checked(price * quantity)))
                    orders.Add(new Order(OrderIds.For(Id, resource, Side.Buy), Id, resource, Side.Buy, (int)quantity, price, Spec.Values[i]));
            }

            if (_inventory[i] > 0)
            {
                // The seller pays the fee, so its reservation price is the cost grossed up for it:
                // any fill at or above the ask then leaves proceeds − fee ≥ cost. Done here, not in
                // each strategy, so no strategy can forget it.
                var price = _strategy.Ask(market.GrossCost(Spec.Costs[i]), market, ref random);
                if (price > 0)
                {
                    var quantity = (int)Math.Min(_inventory[i], MaxOrderQuantity);
                    _inventory[i] -= quantity;
                    _reserved[i] += quantity;
                    orders.Add(new Order(OrderIds.For(Id, resource, Side.Sell), Id, resource, Side.Sell, quantity, price, Spec.Costs[i]));
                }
            }
        }
        return new DeviceStepResult(orders.ToArray(), _wallet.Total, fees);
    }

    public DeviceSnapshot Snapshot() => new(
        Id, Spec.Type, Spec.Strategy.Name, _wallet.Balance, _wallet.Escrow,
        (long[])_inventory.Clone(), (long[])_bought.Clone(), (long[])_sold.Clone(), _surplus);

    /// <summary>Applies one order result; returns the fee paid.</summary>
    private long Settle(in OrderResult r)
    {
        if (r.Device != Id) throw new InvalidOperationException($"Device {Id} received the result of device {r.Device}'s order {r.OrderId}.");
        if (r.Filled < 0 || r.Filled > r.Quantity) throw new InvalidOperationException($"Order {r.OrderId} filled {r.Filled} of {r.Quantity}.");
        var i = (int)r.Resource;
        if (r.Side == Side.Buy)
        {
            // Checked: these products are bounded by MaxOrderQuantity × the price limit, but a
            // result that breaks those bounds must fail loudly rather than wrap.
            var reserved = checked(r.Quantity * r.LimitPrice);
            if (r.Notional > checked(r.Filled * r.LimitPrice)) throw new InvalidOperationException($"Order {r.OrderId} paid above its limit.");
            _wallet.PayFromEscrow(r.Notional);
            _wallet.Release(reserved - r.Notional);
            _bought[i] += r.Filled;
            // Bought units meet this tick's need: they are consumed, and their value realised.
            // Surplus is a running sum over the whole run and values are not bounded by the
            // budget, so it is the one amount that can outgrow a long: then it throws, never wraps.
            _surplus = checked(_surplus + r.Filled * Spec.Values[i] - r.Notional);
            return 0;
        }

        if (r.Quantity > _reserved[i]) throw new InvalidOperationException($"Order {r.OrderId} sold {r.Quantity} units but only {_reserved[i]} were reserved.");
        _reserved[i] -= r.Quantity;
        _inventory[i] += r.Quantity - r.Filled;
        _wallet.Receive(r.Notional - r.Fee);
        _sold[i] += r.Filled;
        _surplus = checked(_surplus + (r.Notional - r.Fee) - r.Filled * Spec.Costs[i]);
        return r.Fee;
    }
}
