using FsCheck;
using FsCheck.Xunit;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Simulation;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Simulation;

/// <summary>What the roster holds for each device between its steps: deliveries in, the same deliveries out.</summary>
public sealed class DeviceRosterTests
{
    // Idle devices (they act only on tick 1,000,000), so a device is due exactly when something was delivered to it.
    private static DeviceSpec Idle(int id, int failsAt = int.MaxValue) =>
        new(id, "agent", new StrategySpec(StrategyKind.ZiC), 0, [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], 1_000_000, 1,
            [default, default, default, default], 7, FailsAt: failsAt);

    private static PeerMessage Move(int from, int to, int round) => new(from, to, MessageKind.Offer, 100 + round, Resource.Data, Opened: 0, Round: round);

    [Fact]
    public void A_device_reads_its_messages_by_sender_and_its_results_by_order_id_however_they_arrived()
    {
        var roster = new DeviceRoster([Idle(0), Idle(1), Idle(2)], []);
        roster.Deliver(1, Move(from: 2, to: 1, round: 0));
        roster.Deliver(2, Move(from: 0, to: 2, round: 0));
        roster.Deliver(1, Move(from: 0, to: 1, round: 3));
        roster.Deliver(1, Move(from: 0, to: 1, round: 1));
        roster.Deliver(1, new OrderResult(OrderIds.For(1, Resource.Data, Side.Sell), 1, Resource.Data, Side.Sell, 2, 50, 0, 0, 0));
        roster.Deliver(1, new OrderResult(OrderIds.For(1, Resource.Data, Side.Buy), 1, Resource.Data, Side.Buy, 1, 50, 0, 0, 0));

        var due = roster.TakeDue(tick: 0, final: false);

        Assert.Equal([1, 2], due.Select(d => d.Index));
        Assert.Equal([(0, 1), (0, 3), (2, 0)], due[0].Incoming.ToArray().Select(m => (m.From, m.Round)));
        Assert.Equal(due[0].Settlements.ToArray().Select(r => r.OrderId).Order(), due[0].Settlements.ToArray().Select(r => r.OrderId));
        Assert.Equal(2, due[0].Settlements.Length);
        Assert.Empty(roster.TakeDue(tick: 1, final: false)); // handed over once
    }

    [Fact]
    public void Each_due_device_is_handed_exactly_its_own_results_and_messages()
    {
        // Every device gets both, interleaved with the others' deliveries: the slices of the roster's two buffers must not overlap.
        var roster = new DeviceRoster([Idle(0), Idle(1), Idle(2), Idle(3)], []);
        for (var round = 0; round < 3; round++)
        {
            for (var d = 3; d >= 0; d--)
            {
                roster.Deliver(d, Move(from: 10 + d, to: d, round: round));
                if (d % 2 == 0) roster.Deliver(d, new OrderResult(OrderIds.For(d, (Resource)round, Side.Buy), d, (Resource)round, Side.Buy, 1, 50, 0, 0, 0));
            }
        }

        var due = roster.TakeDue(tick: 0, final: false);

        Assert.Equal([0, 1, 2, 3], due.Select(d => d.Index));
        foreach (var d in due)
        {
            Assert.Equal([(10 + d.Index, d.Index, 0), (10 + d.Index, d.Index, 1), (10 + d.Index, d.Index, 2)], d.Incoming.ToArray().Select(m => (m.From, m.To, m.Round)));
            Assert.Equal(d.Index % 2 == 0 ? 3 : 0, d.Settlements.Length);
            Assert.All(d.Settlements.ToArray(), r => Assert.Equal(d.Index, r.Device));
        }
    }

    [Fact]
    public void What_is_sent_to_a_failed_device_waits_for_it_however_much_passes_through_for_the_others()
    {
        // Device 0 has failed; devices 1-3 get 1,000 messages a tick, so the shared buffer is packed many times over.
        var roster = new DeviceRoster([Idle(0, failsAt: 0), Idle(1), Idle(2), Idle(3)], []);
        var waiting = new List<PeerMessage>();
        for (var tick = 0; tick < 20; tick++)
        {
            for (var k = 0; k < 1_000; k++) roster.Deliver(1 + k % 3, Move(from: 5 + k, to: 1 + k % 3, round: tick));
            var sent = Move(from: 100 - tick, to: 0, round: tick);
            roster.Deliver(0, sent);
            waiting.Add(sent);

            var due = roster.TakeDue(tick, final: false);

            Assert.Equal([1, 2, 3], due.Select(d => d.Index));
            Assert.All(due, d => Assert.Equal(d.Index == 1 ? 334 : 333, d.Incoming.Length));
            Assert.All(due, d => Assert.All(d.Incoming.ToArray(), m => Assert.Equal((d.Index, tick), (m.To, m.Round))));
            Assert.Equal(1, roster.Offline);
        }
        Assert.Equal(waiting.OrderBy(m => m.From), roster.Capture(0, null).Incoming);
    }

    [Property(MaxTest = 300)]
    public void Messages_come_out_in_sender_order_with_ties_in_arrival_order_both_in_a_step_and_in_a_checkpoint(int[] keys, PositiveInt devices)
    {
        // Few distinct keys, so ties are common; the amount is the arrival index, which tells tied messages apart.
        var n = devices.Get % 3 + 1;
        var roster = new DeviceRoster(Enumerable.Range(0, n).Select(i => Idle(i)).ToArray(), []);
        var sent = keys.Select((k, arrival) => new PeerMessage(k & 3, arrival % n, (MessageKind)((k >> 2) & 1), arrival, (Resource)((k >> 3) & 1), Opened: (k >> 4) & 1, Round: (k >> 5) & 1)).ToArray();
        foreach (var m in sent) roster.Deliver(m.To, m);
        var expected = Enumerable.Range(0, n).Select(d => sent.Where(m => m.To == d)
            .OrderBy(m => m.From).ThenBy(m => m.Resource).ThenBy(m => m.Kind).ThenBy(m => m.Opened).ThenBy(m => m.Round).ToArray()).ToArray();

        var captured = Enumerable.Range(0, n).Select(d => roster.Capture(d, null).Incoming).ToArray();
        var due = roster.TakeDue(tick: 0, final: false);

        Assert.Equal(expected, captured);
        Assert.Equal(expected.Where(e => e.Length > 0), due.Select(d => d.Incoming.ToArray()));
    }

    [Property(MaxTest = 100)]
    public void Due_devices_gathered_by_several_threads_in_any_order_get_what_TakeDue_gives(int[] keys, PositiveInt devices)
    {
        // Two rosters fed alike over five ticks; device 0 has failed, so what is sent to it stays and the buffers are packed.
        var n = devices.Get % 7 + 2;
        DeviceRoster Roster() => new(Enumerable.Range(0, n).Select(i => Idle(i, failsAt: i == 0 ? 0 : int.MaxValue)).ToArray(), []);
        var (taken, gathered) = (Roster(), Roster());
        for (var tick = 0; tick < 5; tick++)
        {
            foreach (var r in new[] { taken, gathered })
            {
                foreach (var (k, arrival) in keys.Select((k, a) => (k, a)))
                {
                    var to = (k & 0x7FFF_FFFF) % n;
                    if ((k & 8) == 0) r.Deliver(to, new PeerMessage(k & 3, to, (MessageKind)((k >> 4) & 1), 1 + arrival, Resource.Data, Opened: tick, Round: (k >> 5) & 1));
                    else r.Deliver(to, new OrderResult(OrderIds.For(to, (Resource)(arrival % 4), (Side)(k & 1)), to, (Resource)(arrival % 4), (Side)(k & 1), 1, 10 + arrival, 0, 0, 0));
                }
            }

            var expected = taken.TakeDue(tick, final: false).Select(d => (d.Index, d.Settlements.ToArray(), d.Incoming.ToArray())).ToList();
            var due = gathered.PlanDue(tick, final: false);
            Parallel.ForEach(Enumerable.Range(0, due.Count).Reverse(), new ParallelOptions { MaxDegreeOfParallelism = 4 }, k => gathered.Gather(k, k + 1));
            gathered.EndGather();

            Assert.Equal(expected.Count, due.Count);
            for (var k = 0; k < due.Count; k++)
            {
                Assert.Equal(expected[k].Index, due[k].Index);
                Assert.Equal(expected[k].Item2, due[k].Settlements.ToArray());
                Assert.Equal(expected[k].Item3, due[k].Incoming.ToArray());
            }
            Assert.Equal((taken.Sent, taken.Received, taken.Offline), (gathered.Sent, gathered.Received, gathered.Offline));
        }
        Assert.Equal(taken.Capture(0, null).Incoming, gathered.Capture(0, null).Incoming);
        Assert.Equal(taken.Capture(0, null).Inbox, gathered.Capture(0, null).Inbox);
    }
}
