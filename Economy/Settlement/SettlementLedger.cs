using M2MSim.Economy.Checkpoints;

namespace M2MSim.Economy.Settlement;

/// <summary>
/// The engine's side of the ledger and the reward pool: at each barrier it learns how many
/// transactions devices submitted, decides when they confirm, and pays the pool's rewards. Devices
/// see the outcome in the next tick's <see cref="LedgerView"/>. Both engines keep exactly one (the
/// reference loop, the coordinator grain), fed the same sums, so they agree by construction.
/// </summary>
/// <remarks>
/// A tick's transactions confirm together. On a chain, blocks of <see cref="LedgerSpec.Block"/>
/// transactions are made one per tick in submission order, and a block's unused room is gone: the
/// ledger counts slots (after tick s with n transactions, slots = max(slots, s × block) + n), so
/// tick s's transactions are all in block b = ⌈slots ÷ block⌉ − 1 and spendable from tick
/// b + delay. A feeless ledger has no capacity limit: spendable from tick s + delay.
/// </remarks>
public sealed class SettlementLedger(LedgerSpec spec, RewardPoolSpec? pool)
{
    private readonly Queue<OpenBlock> _open = new();
    private readonly List<long> _rates = [];
    private long _submitted, _confirmed;
    private long _slots; // chain: block slots used or gone by through the last tick with transactions

    /// <summary>The reward pool's balance.</summary>
    public long Pool { get; private set; } = pool?.Fund ?? 0;

    /// <summary>Chain fees paid since the start (all went to the pool).</summary>
    public long FeesTotal { get; private set; }

    /// <summary>Compute units spent on proof of work since the start.</summary>
    public long PowTotal { get; private set; }

    /// <summary>Rewards the pool paid out since the start.</summary>
    public long PaidTotal { get; private set; }

    /// <summary>Of <see cref="PaidTotal"/>, what devices have credited.</summary>
    public long ClaimedTotal { get; private set; }

    /// <summary>Transactions submitted in the last tick closed.</summary>
    public long LastTransactions { get; private set; }

    /// <summary>Rewards the pool paid that devices have not credited yet: money in flight from the pool to them.</summary>
    public long Owed => PaidTotal - ClaimedTotal;

    /// <summary>Money the ledger holds outside every wallet: the pool, and rewards on their way to devices.</summary>
    public long Holds => checked(Pool + Owed);

    /// <summary>What devices stepping in <paramref name="tick"/> see.</summary>
    public LedgerView View(int tick)
    {
        while (_open.Count > 0 && _open.Peek().Confirms <= tick) _confirmed = _open.Dequeue().Submitted;
        return new LedgerView(_open.Count == 0 ? tick - 1 : _open.Peek().Tick - 1, pool is null ? [] : [.. _rates]); // rates only where a pool pays
    }

    /// <summary>Adds what devices did in a step round (a tick's, or the final settlement's).</summary>
    public void Record(in LedgerActivity activity)
    {
        FeesTotal = checked(FeesTotal + activity.Fees);
        Pool = checked(Pool + activity.Fees);
        PowTotal = checked(PowTotal + activity.Pow);
        ClaimedTotal = checked(ClaimedTotal + activity.Claimed);
        if (ClaimedTotal > PaidTotal) throw new InvalidOperationException($"Devices claimed {ClaimedTotal} in rewards; the pool paid {PaidTotal}.");
        _submitted += activity.Transactions;
        LastTransactions += activity.Transactions;
    }

    /// <summary>
    /// Closes <paramref name="tick"/> after its <see cref="Record"/>: schedules its transactions'
    /// confirmation and pays the pool's reward for the idle compute committed in it.
    /// </summary>
    public void Close(int tick, long mined)
    {
        if (_rates.Count != tick) throw new InvalidOperationException($"The ledger closed {_rates.Count} ticks; tick {tick} is not the next.");
        var before = _open.Count == 0 ? _confirmed : _open.Last().Submitted;
        if (spec.Confirms && _submitted > before)
        {
            var block = tick;
            if (spec.Kind == LedgerKind.Chain)
            {
                _slots = checked(Math.Max(_slots, (long)tick * spec.Block) + (_submitted - before));
                block = (int)Math.Min(int.MaxValue / 2, (_slots + spec.Block - 1) / spec.Block - 1);
            }
            _open.Enqueue(new OpenBlock(tick, block + spec.Delay, _submitted));
        }
        else if (!spec.Confirms) _confirmed = _submitted;

        long rate = 0;
        if (pool is not null && mined > 0)
        {
            var budget = (long)((Int128)Pool * pool.PayoutPpm / 1_000_000);
            rate = budget / mined;
            var paid = checked(rate * mined);
            Pool -= paid;
            PaidTotal = checked(PaidTotal + paid);
        }
        _rates.Add(rate);
    }

    /// <summary>Transactions submitted and not spendable in the tick after <paramref name="tick"/>.</summary>
    public long Unconfirmed(int tick)
    {
        var confirmed = _confirmed;
        foreach (var o in _open)
        {
            if (o.Confirms > tick + 1) break;
            confirmed = o.Submitted;
        }
        return _submitted - confirmed;
    }

    /// <summary>Starts counting the next tick's transactions.</summary>
    public void NextTick() => LastTransactions = 0;

    public LedgerState Capture() => new(_submitted, _confirmed, [.. _open], Pool, FeesTotal, PowTotal, PaidTotal, ClaimedTotal, [.. _rates], _slots);

    public void Restore(LedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        (_submitted, _confirmed, _slots) = (state.Submitted, state.Confirmed, state.Slots);
        _open.Clear();
        foreach (var o in state.Open) _open.Enqueue(o);
        (Pool, FeesTotal, PowTotal, PaidTotal, ClaimedTotal) = (state.Pool, state.FeesTotal, state.PowTotal, state.PaidTotal, state.ClaimedTotal);
        _rates.Clear();
        _rates.AddRange(state.Rates);
    }
}
