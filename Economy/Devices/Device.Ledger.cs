using System.Runtime.CompilerServices;
using M2MSim.Economy.Settlement;

namespace M2MSim.Economy.Devices;

/// <summary>
/// The device's side of the settlement ledger (docs/model.md#settlement-ledgers). Every filled order
/// the device settles and every money message it sends is one transaction, which it pays for: the
/// chain's fee, or the feeless ledger's proof of work. Money paid to it is spendable only once the
/// ledger confirms the transaction that paid it; until then it is the device's but pending. With a
/// reward pool, the compute it produced and left idle is committed to the network and rewarded.
/// </summary>
public sealed partial class Device
{
    private List<PendingCredit>? _pending;
    private long _pendingTotal;
    private List<MinedCompute>? _mined;
    private long _powDebt; // proof of work owed, paid out of the compute the device produces next
    private LedgerActivity _activity; // the step's, so far; always empty for a device without a ledger (Activity)
    private int _confirmedThrough = -1; // the step's view: transactions submitted in this tick or earlier are confirmed
    private long _committed, _rewarded, _ledgerFees; // totals over the run, for devices.csv

    /// <summary>Money the device holds: its wallet and what it was paid that is not confirmed yet.</summary>
    private long Holdings
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => checked(_wallet.Total + _pendingTotal);
    }

    /// <summary>The chain's fee per transaction (0 on other ledgers).</summary>
    private long LedgerFee
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Spec.Ledger is { Kind: LedgerKind.Chain } l ? l.Fee : 0;
    }

    /// <summary>Credits what the ledger confirmed and the rewards now known; starts the step's ledger account.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // without a ledger, a test: the rest is out of line
    private void OpenLedger(LedgerView? view)
    {
        // A device without a ledger of its own, given no ledger view, has no account to open, and its
        // activity stays empty (a ledger's fees, proof of work, mined compute and claimed rewards fill
        // it, and each needs the device's ledger): its step leaves these fields, and their cache lines,
        // alone. At 100 k devices a money step waits on memory for much of its time.
        if (Spec.Ledger is null && view is null) return;
        _activity = default;
        _confirmedThrough = view?.ConfirmedThrough ?? -1;
        if (view is not null) Claim(view);
    }

    /// <summary>What the device did on the ledger in this step.</summary>
    private LedgerActivity Activity
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Spec.Ledger is null ? default : _activity;
    }

    /// <summary>Credits what the ledger confirmed and the rewards now known.</summary>
    private void Claim(LedgerView view)
    {
        if (_pending is { Count: > 0 })
        {
            var kept = 0;
            for (var k = 0; k < _pending.Count; k++)
            {
                var p = _pending[k];
                if (p.Tick <= view.ConfirmedThrough)
                {
                    _wallet.Receive(p.Amount);
                    _pendingTotal -= p.Amount;
                }
                else _pending[kept++] = p;
            }
            _pending.RemoveRange(kept, _pending.Count - kept);
        }
        if (_mined is { Count: > 0 })
        {
            var kept = 0;
            for (var k = 0; k < _mined.Count; k++)
            {
                var m = _mined[k];
                if (m.Tick < view.RewardRates.Length)
                {
                    var reward = checked(m.Units * view.RewardRates[m.Tick]);
                    _wallet.Receive(reward);
                    _rewarded = checked(_rewarded + reward);
                    _activity = _activity with { Claimed = _activity.Claimed + reward };
                }
                else _mined[kept++] = m;
            }
            _mined.RemoveRange(kept, _mined.Count - kept);
        }
    }

    /// <summary>Whether the device holds pending money or unclaimed rewards: the final settlement must step it.</summary>
    private bool Unsettled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _pending is { Count: > 0 } || _mined is { Count: > 0 };
    }

    /// <summary>Money paid to the device by a transaction submitted in <paramref name="submitted"/>: spendable now on a direct ledger, once confirmed otherwise.</summary>
    private void Credit(long amount, int submitted)
    {
        if (amount == 0) return;
        // Money whose transaction the step's view already confirms is spendable at once: a gift sent
        // a delay ago, or anything paid in the final settlement (which confirms everything).
        if (Spec.Ledger is not { Confirms: true } || submitted <= _confirmedThrough)
        {
            _wallet.Receive(amount);
            return;
        }
        (_pending ??= []).Add(new PendingCredit(submitted, amount));
        _pendingTotal = checked(_pendingTotal + amount);
    }

    /// <summary>
    /// Counts a transaction the device submits and charges its cost: the chain fee
    /// (<paramref name="fee"/>, already taken from the wallet by the caller) or the proof of work.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // without a ledger, a test: the rest is out of line
    private void Submit(long fee)
    {
        if (Spec.Ledger is { } ledger) Charge(ledger, fee);
    }

    private void Charge(LedgerTerms ledger, long fee)
    {
        var pow = ledger.Kind == LedgerKind.Feeless ? ledger.Pow : 0;
        _powDebt += pow;
        _ledgerFees = checked(_ledgerFees + fee);
        _activity = _activity with { Transactions = _activity.Transactions + 1, Fees = checked(_activity.Fees + fee) };
    }

    /// <summary>
    /// The compute the device has this active tick: idle compute left from before is committed to
    /// the network (with a reward pool) rather than lost, then the proof of work it owes is paid out
    /// of what it produces. A device that produces no compute does its proof of work on its own
    /// processor, which the model does not charge (the premise of a feeless ledger for small devices).
    /// </summary>
    private long ProduceCompute(int tick, long leftover, long produced)
    {
        if (Spec.Ledger is not { } ledger) return produced;
        if (ledger.Mines && leftover > 0)
        {
            (_mined ??= []).Add(new MinedCompute(tick, leftover));
            _committed = checked(_committed + leftover);
            _activity = _activity with { Mined = checked(_activity.Mined + leftover) };
        }
        // Counted when paid, out of compute: the work of a device without compute is not charged, so not counted.
        var work = Math.Min(_powDebt, produced);
        _powDebt = produced > 0 ? _powDebt - work : 0;
        _activity = _activity with { Pow = checked(_activity.Pow + work) };
        return produced - work;
    }
}
