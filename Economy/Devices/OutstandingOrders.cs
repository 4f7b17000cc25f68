namespace M2MSim.Economy.Devices;

/// <summary>
/// A device's orders sent and not settled yet, by id, with the trading period each was sent in.
/// Usually one or two (an order per side of a resource, answered the next tick), so the first two
/// are held in fields; more (a unit trader quoting every unit, a tender's running jobs) go to a
/// dictionary. A dictionary for every trading device was about 200 bytes each, and adding to it and
/// removing from it a large part of a market step's bookkeeping at a million devices.
/// </summary>
internal sealed class OutstandingOrders
{
    private long _id0;
    private long _id1;
    private int _period0;
    private int _period1;
    private int _inline; // how many of the two field pairs hold an order, slot 0 first
    private Dictionary<long, int>? _more;

    public int Count => _inline + (_more?.Count ?? 0);

    public bool Contains(long id) =>
        (_inline > 0 && _id0 == id) || (_inline > 1 && _id1 == id) || (_more is not null && _more.ContainsKey(id));

    /// <summary>Adds the order unless its id is outstanding already; returns whether it was added.</summary>
    public bool TryAdd(long id, int period)
    {
        if (Contains(id)) return false;
        switch (_inline)
        {
            case 0: (_id0, _period0, _inline) = (id, period, 1); break;
            case 1: (_id1, _period1, _inline) = (id, period, 2); break;
            default: (_more ??= []).Add(id, period); break;
        }
        return true;
    }

    /// <summary>Adds an order; its id must not be outstanding (a live id is never reused).</summary>
    public void Add(long id, int period)
    {
        if (!TryAdd(id, period)) throw new InvalidOperationException($"Order {id} is outstanding already.");
    }

    /// <summary>Removes the order and gives the period it was sent in, if it is outstanding.</summary>
    public bool Remove(long id, out int period)
    {
        if (_inline > 0 && _id0 == id)
        {
            period = _period0;
            if (_inline == 2) (_id0, _period0) = (_id1, _period1);
            _inline--;
            return true;
        }
        if (_inline > 1 && _id1 == id)
        {
            period = _period1;
            _inline = 1;
            return true;
        }
        period = 0;
        return _more is not null && _more.Remove(id, out period);
    }

    /// <summary>Every outstanding order, by id.</summary>
    public IEnumerable<(long Id, int Period)> ById()
    {
        var all = new List<(long Id, int Period)>(Count);
        if (_inline > 0) all.Add((_id0, _period0));
        if (_inline > 1) all.Add((_id1, _period1));
        if (_more is not null) all.AddRange(_more.Select(o => (o.Key, o.Value)));
        return all.OrderBy(o => o.Id);
    }
}
