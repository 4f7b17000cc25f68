using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Settlement;

namespace M2MSim.Economy.Tests.Settlement;

/// <summary>The engine's side of the ledger: blocks, confirmation delays, the reward pool and its checkpoint.</summary>
public sealed class SettlementLedgerTests
{
    private static LedgerSpec Chain(int block, int delay, long fee = 0) => new(LedgerKind.Chain, Fee: fee, Block: block, Delay: delay);
    private static LedgerSpec Feeless(int delay) => new(LedgerKind.Feeless, Pow: 1, Delay: delay);

    /// <summary>One tick: the view devices see, then their transactions, then the barrier.</summary>
    private static LedgerView Tick(SettlementLedger ledger, int tick, long transactions, long fees = 0, long mined = 0, long claimed = 0)
    {
        var view = ledger.View(tick);
        ledger.NextTick();
        ledger.Record(new LedgerActivity(transactions, fees, 0, mined, claimed));
        ledger.Close(tick, mined);
        return view;
    }

    [Fact]
    public void A_chain_within_its_block_size_confirms_each_tick_after_the_delay()
    {
        var ledger = new SettlementLedger(Chain(block: 100, delay: 2), null);
        Assert.Equal(-1, Tick(ledger, 0, 40).ConfirmedThrough);
        Assert.Equal(40, ledger.Unconfirmed(0));
        Assert.Equal(-1, Tick(ledger, 1, 60).ConfirmedThrough); // block 0 is spendable from tick 2
        Assert.Equal(60, ledger.Unconfirmed(1)); // tick 0's are spendable in tick 2, tick 1's from tick 3
        Assert.Equal(0, Tick(ledger, 2, 0).ConfirmedThrough);
        Assert.Equal(2, ledger.View(3).ConfirmedThrough);
    }

    [Fact]
    public void A_backlog_builds_when_submissions_exceed_the_block_and_confirmations_lag_with_it()
    {
        var ledger = new SettlementLedger(Chain(block: 10, delay: 2), null);
        // Tick 0: 25 transactions fill blocks 0, 1 and half of 2: all of tick 0's confirm with block 2, at tick 4.
        Tick(ledger, 0, 25);
        Assert.Equal(25, ledger.LastTransactions);
        Assert.Equal(25, ledger.Unconfirmed(0));
        // Tick 1: 5 more, in block 2 too (30 in all): also at tick 4.
        Tick(ledger, 1, 5);
        Assert.Equal(30, ledger.Unconfirmed(1));
        Assert.Equal(30, ledger.Unconfirmed(2)); // nothing is spendable in tick 3 yet
        Assert.Equal(-1, Tick(ledger, 2, 0).ConfirmedThrough);
        // Tick 3: 1 more: block max(3, ⌈31/10⌉ − 1 = 3) = 3, spendable from tick 5.
        Assert.Equal(-1, Tick(ledger, 3, 1).ConfirmedThrough);
        Assert.Equal(1, ledger.Unconfirmed(3)); // in tick 4, ticks 0 and 1 (30) are spendable; tick 3's is not
        Assert.Equal(2, Tick(ledger, 4, 0).ConfirmedThrough); // ticks 0–2 confirmed; tick 3 waits
        Assert.Equal(0, ledger.Unconfirmed(4));
        Assert.Equal(4, ledger.View(5).ConfirmedThrough);
    }

    [Fact]
    public void Without_a_backlog_the_block_is_the_ticks_own_whatever_went_before()
    {
        // 1,000 transactions in tick 0 with blocks of 1,000: block 0; 1 more in tick 1: block 1, not 0.
        var ledger = new SettlementLedger(Chain(block: 1_000, delay: 1), null);
        Tick(ledger, 0, 1_000);
        Tick(ledger, 1, 1);
        Assert.Equal(0, ledger.View(1).ConfirmedThrough);
        Assert.Equal(1, ledger.View(2).ConfirmedThrough);
        // 1,000 more in tick 2: the 2,001st transaction is in block ⌈2,001 / 1,000⌉ − 1 = 2, spendable from 3.
        Assert.Equal(1, Tick(ledger, 2, 1_000).ConfirmedThrough);
        Assert.Equal(0, ledger.Unconfirmed(2));
        // 1,001 in tick 3: block 3 cannot hold them all (the room left in block 1 went by with it): blocks 3 and 4, spendable from tick 5.
        Tick(ledger, 3, 1_001);
        Assert.Equal(1_001, ledger.Unconfirmed(3));
        Assert.Equal(2, ledger.View(4).ConfirmedThrough);
        Assert.Equal(4, ledger.View(5).ConfirmedThrough);
    }

    [Fact]
    public void Room_left_in_past_blocks_does_not_carry_a_later_burst()
    {
        // Ten quiet ticks (100 of 1,000 a block), then 5,000 in tick 10: blocks 10–14, spendable from tick 15.
        var ledger = new SettlementLedger(Chain(block: 1_000, delay: 1), null);
        for (var t = 0; t < 10; t++) Tick(ledger, t, 100);
        Tick(ledger, 10, 5_000);
        Assert.Equal(5_000, ledger.Unconfirmed(10));
        Assert.Equal(5_000, ledger.Unconfirmed(13));
        Assert.Equal(0, ledger.Unconfirmed(14));
        // A tick after the burst waits behind it: 1 in tick 11 is in block 15.
        Tick(ledger, 11, 1);
        Assert.Equal(9, ledger.View(14).ConfirmedThrough);
        Assert.Equal(10, ledger.View(15).ConfirmedThrough);
        Assert.Equal(15, ledger.View(16).ConfirmedThrough); // all of it
    }

    [Fact]
    public void A_feeless_ledger_confirms_every_tick_after_its_delay_whatever_the_volume()
    {
        var ledger = new SettlementLedger(Feeless(delay: 3), null);
        Tick(ledger, 0, 1_000_000);
        Tick(ledger, 1, 0);
        Tick(ledger, 2, 7);
        Assert.Equal(1_000_007, ledger.Unconfirmed(1)); // spendable in tick 2: nothing
        Assert.Equal(7, ledger.Unconfirmed(2));         // in tick 3: tick 0's
        Assert.Equal(-1, ledger.View(2).ConfirmedThrough);
        Assert.Equal(1, ledger.View(3).ConfirmedThrough); // tick 1 had none: confirmed with tick 0
        Assert.Equal(7, ledger.Unconfirmed(2));
        Assert.Equal(1, ledger.View(4).ConfirmedThrough);
        Assert.Equal(4, ledger.View(5).ConfirmedThrough);
    }

    [Fact]
    public void A_direct_ledger_with_a_pool_confirms_at_once()
    {
        var ledger = new SettlementLedger(LedgerSpec.Direct, new RewardPoolSpec(0, 1_000_000));
        Tick(ledger, 0, 12);
        Assert.Equal(0, ledger.Unconfirmed(0));
        Assert.Equal(0, ledger.View(1).ConfirmedThrough);
    }

    [Fact]
    public void The_pool_pays_a_floored_share_of_its_balance_floored_per_unit_and_holds_the_rest()
    {
        // Fund 1,000, half paid per tick; tick 0's fees of 10 arrive before its payout.
        var ledger = new SettlementLedger(Chain(block: 100, delay: 1, fee: 5), new RewardPoolSpec(1_000, 500_000));
        Tick(ledger, 0, 2, fees: 10, mined: 7);
        // Budget ⌊1,010 × 0.5⌋ = 505; 505 / 7 = 72 per unit; 504 paid, 506 left.
        Assert.Equal([72L], ledger.View(1).RewardRates);
        Assert.Equal((506L, 504L, 10L), (ledger.Pool, ledger.PaidTotal, ledger.FeesTotal));
        Assert.Equal(1_010, ledger.Holds); // paid and not yet claimed is still the ledger's

        // Tick 1: a device claims its 504; nobody mines, so nothing is paid.
        Tick(ledger, 1, 0, claimed: 504);
        Assert.Equal([72L, 0L], ledger.View(2).RewardRates);
        Assert.Equal((506L, 506L), (ledger.Pool, ledger.Holds));

        // A budget smaller than the units mined pays nothing.
        var small = new SettlementLedger(LedgerSpec.Direct, new RewardPoolSpec(9, 1_000_000));
        Tick(small, 0, 0, mined: 10);
        Assert.Equal((0L, 9L), (small.View(1).RewardRates[0], small.Pool));
    }

    [Fact]
    public void Claims_beyond_what_was_paid_and_ticks_closed_out_of_order_are_refused()
    {
        var ledger = new SettlementLedger(LedgerSpec.Direct, new RewardPoolSpec(100, 1_000_000));
        Tick(ledger, 0, 0, mined: 10); // pays 100
        Assert.Throws<InvalidOperationException>(() => ledger.Record(new LedgerActivity(0, 0, 0, 0, 101)));
        Assert.Throws<InvalidOperationException>(() => ledger.Close(2, 0));
    }

    [Fact]
    public void A_restored_ledger_goes_on_exactly_as_the_one_captured()
    {
        var spec = Chain(block: 7, delay: 3, fee: 2);
        var pool = new RewardPoolSpec(10_000, 250_000);
        var volumes = new long[] { 3, 20, 0, 9, 15, 1, 0, 0, 30, 2, 0, 0, 0, 0, 0 };
        var straight = new SettlementLedger(spec, pool);
        SettlementLedger? resumed = null;
        var views = new List<string>();
        var resumedViews = new List<string>();
        for (var t = 0; t < volumes.Length; t++)
        {
            if (t == 5)
            {
                // Through the checkpoint's JSON, as a run stores it.
                var text = CheckpointJson.Serialize(new Checkpoint(t, 0, 0, 0, 0, [], [], straight.Capture()));
                resumed = new SettlementLedger(spec, pool);
                resumed.Restore(CheckpointJson.DeserializeCheckpoint(text).Ledger!);
            }
            views.Add(Step(straight, t));
            if (resumed is not null) resumedViews.Add(Step(resumed, t));
        }
        Assert.Equal(views[5..], resumedViews);
        Assert.Equal(Text(straight), Text(resumed!));
        // The run had a backlog (tick 1's 20 transactions take blocks 1–3) and paid rewards.
        Assert.Contains(views, v => v.StartsWith("5: 0 ", StringComparison.Ordinal)); // without it, ticks 0–2 would be spendable in tick 5
        Assert.Contains(views, v => v.StartsWith("6: 2 ", StringComparison.Ordinal));
        Assert.True(straight.PaidTotal > 0);

        string Step(SettlementLedger ledger, int t)
        {
            var view = Tick(ledger, t, volumes[t], fees: volumes[t] * 2, mined: t % 3 * 5);
            return $"{t}: {view.ConfirmedThrough} [{string.Join(",", view.RewardRates)}] {ledger.Unconfirmed(t)} {ledger.Pool} {ledger.PaidTotal} {ledger.FeesTotal} {ledger.LastTransactions} {ledger.Holds}";
        }
        static string Text(SettlementLedger l) => CheckpointJson.Serialize(new Checkpoint(0, 0, 0, 0, 0, [], [], l.Capture()));
    }
}
