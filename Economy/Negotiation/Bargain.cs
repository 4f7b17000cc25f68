using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Negotiation;

/// <summary>
/// One negotiation as one side holds it: over one unit of its schedule, with one partner, named by
/// the tick the buyer opened it. Prices are micro-units for the unit.
/// </summary>
/// <param name="Side">This device's role: a buyer bargains for a unit it values, a seller for one it holds.</param>
/// <param name="Unit">The schedule unit at stake (its index).</param>
/// <param name="Best">The price this side opens with: the market's bottom for a buyer, its top for a seller.</param>
/// <param name="Reservation">The worst price this side accepts: its value, or its fee-inclusive cost.</param>
/// <param name="UnitPrice">The unit's value or cost as scheduled (for surplus and the trade log).</param>
public sealed class Bargain(int partner, Resource resource, Side side, int opened, int unit, long best, long reservation, long unitPrice, int deadline)
{
    private readonly List<long> _theirs = [];

    public int Partner { get; } = partner;

    public Resource Resource { get; } = resource;

    public Side Side { get; } = side;

    public int Opened { get; } = opened;

    public int Unit { get; } = unit;

    public long Reservation { get; } = reservation;

    public long UnitPrice { get; } = unitPrice;

    /// <summary>This side's last offer, null before its first.</summary>
    public long? OwnLast { get; private set; }

    /// <summary>A seller that accepted waits one tick for the buyer's payment; the unit is already sold.</summary>
    public bool AwaitingPayment { get; private set; }

    /// <summary>The price agreed, once <see cref="AwaitingPayment"/>.</summary>
    public long Agreed { get; private set; }

    public IReadOnlyList<long> Theirs => _theirs;

    public NegotiationPosition At(int round) => new(Side, round, deadline, best, Reservation, OwnLast, _theirs);

    public void Heard(long offer) => _theirs.Add(offer);

    public void Offered(long offer) => OwnLast = offer;

    public void AwaitPayment(long price)
    {
        AwaitingPayment = true;
        Agreed = price;
    }

    /// <summary>The negotiation as plain data, for a checkpoint.</summary>
    public BargainState Capture() =>
        new(Partner, Resource, Side, Opened, Unit, best, Reservation, UnitPrice, deadline, [.. _theirs], OwnLast, AwaitingPayment, Agreed);

    /// <summary>Rebuilds a negotiation exactly as <see cref="Capture"/> took it.</summary>
    public static Bargain Restore(BargainState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var b = new Bargain(state.Partner, state.Resource, state.Side, state.Opened, state.Unit, state.Best, state.Reservation, state.UnitPrice, state.Deadline)
        {
            OwnLast = state.OwnLast,
            AwaitingPayment = state.AwaitingPayment,
            Agreed = state.Agreed,
        };
        b._theirs.AddRange(state.Theirs);
        return b;
    }
}
