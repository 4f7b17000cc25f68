using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Negotiation;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Wallets;

namespace M2MSim.Economy.Devices;

public sealed partial class Device
{
    /// <summary>The device's state at a barrier, as plain data.</summary>
    /// <remarks>
    /// Everything is copied, so the state does not change as the device goes on. Outstanding orders and
    /// bargains are listed in a fixed order (by id, by partner and resource) although the device never
    /// depends on it, so that the same device always gives the same checkpoint file.
    /// </remarks>
    public DeviceState Capture() => new(
        _wallet.Balance,
        _wallet.Escrow,
        Copy(_inventory),
        Copy(_reserved),
        Copy(_bought),
        Copy(_sold),
        _surplus,
        // A fixed device's values and costs are its spec's: only redrawn ones are state.
        Spec.Redraw is null ? null : [.. _values],
        Spec.Redraw is null ? null : [.. _costs],
        _period,
        // Without schedules nothing is traded by unit: every list is null.
        _regime is null ? NoneTraded : TradedSlots.Select(t => t is null ? null : (bool[])t.Clone()).ToArray(),
        _outstanding is null ? [] : _outstanding.ById().Select(o => new OutstandingOrder(o.Id, o.Period)).ToArray(),
        _strategy?.Capture(),
        Bargains.Values.OrderBy(b => b.Partner).ThenBy(b => b.Resource).Select(b => b.Capture()).ToArray(),
        _awaiting is { Count: > 0 } ? _awaiting.Select(d => d.Capture()).ToArray() : null,
        _distrusted is { Count: > 0 } ? _distrusted.Order().ToArray() : null,
        Spec.Wear is null ? null : new WearState(_life, _downtime, _replacements),
        Spec.DataPolicy is null ? null : _dataProduced,
        _pending is { Count: > 0 } ? [.. _pending] : null,
        _powDebt,
        _mined is { Count: > 0 } ? [.. _mined] : null,
        _committed == 0 && _rewarded == 0 && _ledgerFees == 0 ? null : [_committed, _rewarded, _ledgerFees]);

    // Shared by the states that hold nothing there (most do): a state is read, never written, and
    // Load copies out of it, so a device that sleeps as state costs fewer bytes.
    private static readonly long[] Zeros = new long[Resources.Resources.Count];
    private static readonly bool[]?[] NoneTraded = new bool[]?[Resources.Resources.Count * 2];

    private static long[] Copy(ReadOnlySpan<long> values) => values.ContainsAnyExcept(0L) ? values.ToArray() : Zeros;

    /// <summary>Rebuilds a device from its spec and a captured state.</summary>
    /// <exception cref="InvalidOperationException">The state does not fit the spec (another device's, or another scenario's).</exception>
    public static Device Restore(DeviceSpec spec, DeviceState state)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(state);
        var device = new Device(spec, new Wallet(state.Balance, state.Escrow));
        device.Load(state);
        return device;
    }

    /// <summary>Puts a captured state into a device just built from its spec.</summary>
    private void Load(DeviceState state)
    {
        CopyInto(state.Inventory, _inventory, nameof(state.Inventory));
        CopyInto(state.Reserved, _reserved, nameof(state.Reserved));
        CopyInto(state.Bought, _bought, nameof(state.Bought));
        CopyInto(state.Sold, _sold, nameof(state.Sold));
        // A device that trades nothing skips the per-resource pass of its steps, which is where
        // units are used up or lost: such a device never holds any, and a state that says otherwise is not its own.
        if (!_trades && (((ReadOnlySpan<long>)_inventory).ContainsAnyExcept(0L) || ((ReadOnlySpan<long>)_reserved).ContainsAnyExcept(0L)))
            throw Mismatch("holds units, but it produces, needs and trades nothing");
        // Likewise the pass skips a resource the device neither makes, uses, trades nor wears.
        foreach (var resource in Resources.Resources.All)
        {
            if (IsIdle(resource) && (_inventory[(int)resource] != 0 || _reserved[(int)resource] != 0))
                throw Mismatch($"holds units of {resource.Name()}, which it produces, needs and trades none of");
        }
        _surplus = state.Surplus;

        var redraws = Spec.Redraw is not null;
        if (redraws != state.Values is not null || redraws != state.Costs is not null)
            throw Mismatch(redraws ? "redraws its values and costs, but they are missing" : "has fixed values and costs, but holds drawn ones");
        // The constructor gave a redrawing device its own copies, so the spec's arrays are never written.
        if (state.Values is not null) CopyInto(state.Values, _values, nameof(state.Values));
        if (state.Costs is not null) CopyInto(state.Costs, _costs, nameof(state.Costs));

        LoadPeriod(state);

        foreach (var o in state.Outstanding)
        {
            if (!(_outstanding ??= new()).TryAdd(o.OrderId, o.Period)) throw Mismatch($"lists order {o.OrderId} as outstanding twice");
        }

        // A stateless strategy captures null: then it must be given none, and a learning one must be given its own.
        var learns = _strategy?.Capture() is not null;
        if (state.Strategy is not null && !learns) throw Mismatch($"holds a learning strategy's state, but its strategy ({Spec.Strategy.Name}) keeps none");
        if (state.Strategy is null && learns) throw Mismatch($"has no state for its learning strategy ({Spec.Strategy.Name})");
        if (state.Strategy is not null) _strategy!.Restore(state.Strategy);

        if (state.Bargains.Length > 0 && _tactic is null) throw Mismatch("holds negotiations, but it does not negotiate");
        foreach (var b in state.Bargains)
        {
            if (!OpenBargains.TryAdd((b.Partner, b.Resource), Bargain.Restore(b))) throw Mismatch($"holds two negotiations with device {b.Partner} over {b.Resource.Name()}");
        }
        if ((state.Awaiting is not null || state.Distrusted is not null) && !Spec.Deliveries) throw Mismatch("waits for deliveries, but its scenario has none");
        if (state.Awaiting is not null) _awaiting = [.. state.Awaiting.Select(Delivery.Restore)]; // in the order paid: kept as it was
        if (state.Distrusted is not null) _distrusted = [.. state.Distrusted];
        LoadWearAndData(state);
        LoadLedger(state);
    }

    /// <summary>A worn part and a data owner's tally: present exactly when the spec has wear or a data policy.</summary>
    private void LoadWearAndData(DeviceState state)
    {
        if ((Spec.Wear is not null) != (state.Wear is not null))
            throw Mismatch(Spec.Wear is null ? "has a worn part, but its spec has no wear" : "has wear, but no state of its part");
        if (state.Wear is { } wear)
        {
            if (wear.Life < 0 || wear.Life > Spec.Wear!.Life || wear.Downtime < 0 || wear.Replacements < 0)
                throw Mismatch($"has a part with {wear.Life} units of life (new: {Spec.Wear!.Life}), {wear.Downtime} ticks of downtime and {wear.Replacements} replacements");
            (_life, _downtime, _replacements) = (wear.Life, wear.Downtime, wear.Replacements);
        }
        if ((Spec.DataPolicy is not null) != (state.DataProduced is not null))
            throw Mismatch(Spec.DataPolicy is null ? "counts data for a data policy, but its spec has none" : "has a data policy, but no count of the data it produced");
        if (state.DataProduced is { } produced)
        {
            if (produced < 0) throw Mismatch($"has produced {produced} units of data");
            _dataProduced = produced;
        }
    }

    /// <summary>What the device holds on the settlement ledger: present only in a scenario with one.</summary>
    private void LoadLedger(DeviceState state)
    {
        if ((state.Pending is not null || state.PowDebt != 0 || state.Mined is not null || state.LedgerTotals is not null) && Spec.Ledger is null)
            throw Mismatch("holds ledger state (pending money, proof of work or committed compute), but its scenario has no ledger");
        if (state.PowDebt < 0) throw Mismatch($"owes {state.PowDebt} units of proof of work");
        if (state.Pending?.Any(p => p.Amount <= 0) == true) throw Mismatch("holds a pending payment that is not positive");
        if (state.Mined?.Any(m => m.Units <= 0) == true) throw Mismatch("holds committed compute that is not positive");
        if (state.Pending is not null)
        {
            _pending = [.. state.Pending];
            foreach (var p in _pending) _pendingTotal = checked(_pendingTotal + p.Amount);
        }
        _powDebt = state.PowDebt;
        if (state.Mined is not null) _mined = [.. state.Mined];
        if (state.LedgerTotals is { } totals)
        {
            if (totals.Length != 3) throw Mismatch($"has {totals.Length} ledger totals, not 3");
            (_committed, _rewarded, _ledgerFees) = (totals[0], totals[1], totals[2]);
        }
    }

    /// <summary>The period and what was traded in it; the schedules in force follow from the period.</summary>
    private void LoadPeriod(DeviceState state)
    {
        if (state.Period >= 0)
        {
            var schedule = Spec.Schedule ?? throw Mismatch($"is in trading period {state.Period}, but it has no unit schedules");
            _period = state.Period;
            _regime = schedule.RegimeOf(_period);
        }
        else if (state.Period != -1)
        {
            throw Mismatch($"has period {state.Period}");
        }

        if (state.Traded.Length != Resources.Resources.Count * 2 && state.Traded.Length != PreServiceResources * 2)
            throw Mismatch($"has {state.Traded.Length} traded-unit lists, not {Resources.Resources.Count * 2}");
        foreach (var resource in Resources.Resources.All)
        {
            foreach (var side in (ReadOnlySpan<Side>)[Side.Buy, Side.Sell])
            {
                var slot = Slot(resource, side);
                // A checkpoint from before service existed has no lists for it: none were traded.
                var traded = slot < state.Traded.Length ? state.Traded[slot] : _regime is null ? null : new bool[_regime.Units((int)resource, side).Length];
                // Before its first period a device has no lists; from then on one per schedule, of its length.
                var expected = _regime?.Units((int)resource, side).Length;
                if (traded?.Length != expected)
                    throw Mismatch($"has {traded?.Length.ToString() ?? "no"} traded {side} units of {resource.Name()}, its schedule {expected?.ToString() ?? "none"}");
                if (traded is not null) TradedSlots[slot] = (bool[])traded.Clone(); // none: the slots stay unmade
            }
        }
    }

    /// <summary>
    /// Resources before <c>service</c> was added: a checkpoint written then has per-resource arrays
    /// of this length, and restores with nothing of service (what it had, since nothing could).
    /// </summary>
    private const int PreServiceResources = 3;

    /// <summary>Copies a per-resource array; one of a checkpoint from before service leaves service's entry as built.</summary>
    private void CopyInto(long[] from, Span<long> to, string name)
    {
        if (from.Length != to.Length && from.Length != PreServiceResources)
            throw Mismatch($"has {from.Length} {name} entries, not one per resource ({to.Length})");
        from.CopyTo(to);
    }

    private InvalidOperationException Mismatch(string what) => new($"The checkpoint of device {Id} ({Spec.Type}) does not fit its spec: it {what}.");
}
