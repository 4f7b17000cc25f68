using System.Diagnostics;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Settlement;

namespace M2MSim.Economy.Simulation;

/// <summary>
/// The bookkeeping both engines keep for a set of devices (all of them in the reference engine, a
/// shard's slice in the grains): who is due in a tick, what each must settle, the wallet total each
/// last reported, and where their orders go. One implementation, so the engines cannot drift.
/// Devices are addressed by their index in this roster.
/// </summary>
public sealed partial class DeviceRoster
{
    private readonly DeviceSpec[] _specs;
    private readonly int[] _marketOf; // by resource: its market's index among the markets given (and the batches), −1 for none; Record looks it up per order
    private readonly Mailboxes<OrderResult> _inbox;
    private readonly Mailboxes<PeerMessage> _incoming;
    private readonly long[] _wealth;
    private readonly bool _faults; // some device can go offline or fail: each tick asks
    private readonly bool _lossy; // some device's network loses negotiation moves: Record draws for each
    private readonly int[] _ids; // the specs' device ids, side by side: Record checks each message's sender without reading its spec
    private readonly bool[] _negotiating; // held negotiations open, unconfirmed money or unclaimed rewards after its last step
    private readonly int[] _typeIndex; // by device, when offline devices are counted by type
    private readonly (int Every, int Phase)[] _schedule; // the specs' schedules, side by side: the scan reads no spec
    private readonly MarketBatch[] _batches; // reused, one per market
    private readonly DueList _due; // the roster's view of its due devices (DeviceRoster.Due.cs)
    private PeerMessage[] _taken = []; // the due devices' messages, each device's a slice (reused)
    private OrderResult[] _settled = []; // the due devices' order results, likewise
    private (int Taken, int Settled) _gathered; // how much of the two buffers the due devices' slices fill

    /// <param name="types">Device types to count offline devices by (the dashboard's), in their order; null: none.</param>
    public DeviceRoster(DeviceSpec[] specs, MarketSpec[] markets, IReadOnlyList<string>? types = null)
    {
        OfflineByType = new int[types?.Count ?? 0];
        _typeIndex = types is null ? [] : specs.Select(s => Math.Max(0, IndexOf(types, s.Type))).ToArray();
        _specs = specs;
        _marketOf = Resources.Resources.All.Select(r => Array.FindIndex(markets, m => m.Resource == r)).ToArray();
        _batches = markets.Select(_ => new MarketBatch()).ToArray();
        _due = new DueList(this);
        _inbox = new Mailboxes<OrderResult>(specs.Length);
        _incoming = new Mailboxes<PeerMessage>(specs.Length);
        _wealth = new long[specs.Length];
        _negotiating = new bool[specs.Length];
        _schedule = new (int, int)[specs.Length];
        _ids = new int[specs.Length];
        for (var i = 0; i < specs.Length; i++)
        {
            _schedule[i] = (specs[i].Every, specs[i].Phase);
            _ids[i] = specs[i].Id;
            _faults |= specs[i].HasFaults;
            _lossy |= specs[i].MessageLoss > 0;
            _wealth[i] = specs[i].InitialBalance;
            InitialSupply += _wealth[i];
        }
    }

    public int Count => _specs.Length;

    public DeviceSpec this[int index] => _specs[index];

    public long InitialSupply { get; }

    /// <summary>Balance + escrow of each device as last reported, by index.</summary>
    public ReadOnlySpan<long> Wealth => _wealth;

    /// <summary>
    /// Money these devices sent and that has been credited to these devices, since the start: in
    /// messages, and in market fills (a buyer pays a fill's notional when it settles it, its seller
    /// and the fee sink receive it when the seller does). Both sides of a fill settle in the same
    /// tick unless one is offline or failed; until then the money is in flight (negative when the
    /// seller settled first: the buyer still holds it in escrow).
    /// </summary>
    public long Sent { get; private set; }

    /// <inheritdoc cref="Sent"/>
    public long Received { get; private set; }

    /// <summary>What the devices stepped since the last <see cref="TakeDue"/> did on the settlement ledger.</summary>
    public LedgerActivity Ledger { get; private set; }

    /// <summary>Negotiation moves lost on the network since the last <see cref="TakeDue"/>.</summary>
    public int Lost { get; private set; }

    /// <summary>Of <see cref="Offline"/>, how many of each type given to the constructor.</summary>
    public int[] OfflineByType { get; }

    /// <summary>Devices offline or failed in the last <see cref="TakeDue"/> (their deliveries wait for them).</summary>
    public int Offline { get; private set; }

    /// <summary>Holds an order result for the device's next step.</summary>
    public void Deliver(int index, in OrderResult result) => _inbox.Add(index, result);

    /// <summary>Holds a message (money or a negotiation move) sent to the device, for its next step.</summary>
    public void Deliver(int index, in PeerMessage transfer) => _incoming.Add(index, transfer);

    /// <summary>
    /// The devices to step: those with results to settle, and (outside the final settlement)
    /// those scheduled to act. Their inboxes are emptied. Everyone else costs nothing. A device
    /// offline in this tick (or failed for good) is not stepped: what was sent to it waits. In the
    /// final settlement every device that has not failed settles, offline or not.
    /// The list is the roster's own, valid until the next call.
    /// </summary>
    public IReadOnlyList<DueDevice> TakeDue(int tick, bool final)
    {
        var due = PlanDue(tick, final);
        for (var k = 0; k < due.Count; k += GatherBlock) Gather(k, Math.Min(due.Count, k + GatherBlock));
        EndGather();
        return due;
    }

    /// <summary>
    /// The due devices, as <see cref="TakeDue"/> gives them, but with their slices only reserved:
    /// <see cref="Gather(int, int)"/> fills a range of them, and <see cref="EndGather"/> must follow once every
    /// one is filled, before anything is delivered again. Reading each device's messages is most of
    /// the work here (they were written in their senders' order), and threads may share it.
    /// </summary>
    public IReadOnlyList<DueDevice> PlanDue(int tick, bool final)
    {
        _dueCount = 0;
        var offline = 0;
        Lost = 0;
        Ledger = default;
        Array.Clear(OfflineByType);
        // What the due devices are handed is copied into two flat buffers, each device a slice: an
        // array per device was most of what a tick allocated at a million devices.
        if (_taken.Length < _incoming.Held) _taken = new PeerMessage[Math.Max(_incoming.Held, 2 * _taken.Length)];
        if (_settled.Length < _inbox.Held) _settled = new OrderResult[Math.Max(_inbox.Held, 2 * _settled.Length)];
        var (taken, settled) = (0, 0);
        for (var i = 0; i < _specs.Length; i++)
        {
            if (_faults && (final ? tick >= _specs[i].FailsAt : !_specs[i].IsOnline(tick)))
            {
                offline++;
                if (_typeIndex.Length > 0) OfflineByType[_typeIndex[i]]++;
                continue;
            }
            var results = _inbox.Has(i);
            var messages = _incoming.Has(i);
            // In the final settlement a device that holds negotiations is stepped even with nothing sent
            // to it (a lost move, a partner away): ending them gives back the value a buyer held. So is
            // one holding money the ledger has not confirmed yet, or rewards it has not claimed.
            if (!results && !messages && (final ? !_negotiating[i] : !DeviceSpec.IsActive(tick, _schedule[i].Every, _schedule[i].Phase))) continue;
            var (messageChain, n) = messages ? _incoming.Detach(i) : (-1, 0);
            var (resultChain, r) = results ? _inbox.Detach(i) : (-1, 0);
            if (_dueCount == _dueSlots.Length) Array.Resize(ref _dueSlots, Math.Max(64, 2 * _dueSlots.Length));
            _dueSlots[_dueCount++] = new Due(i, taken, n, settled, r, messageChain, resultChain);
            taken += n;
            settled += r;
        }
        _gathered = (taken, settled);
        Offline = offline;
        return _due;
    }

    /// <summary>
    /// Copies what due devices <paramref name="from"/> to <paramref name="to"/> − 1 are handed into their slices
    /// (<see cref="Gather(int)"/>; threads may gather distinct ranges at once). Their
    /// messages lie scattered (written in their senders' order): reading each device's newest one
    /// first, in a loop that does nothing else, lets those cache misses overlap, where the copying
    /// loop waits for each in turn (at 100 k devices it was a sixth of a money tick's time).
    /// </summary>
    public void Gather(int from, int to)
    {
        if (from < 0 || from > to || to > _dueCount) throw new ArgumentOutOfRangeException(nameof(to), $"Due devices {from} to {to}: {_dueCount} are due.");
        long touched = 0;
        foreach (ref readonly var d in _dueSlots.AsSpan(from..to))
        {
            if (d.Messages >= 0) touched += _incoming.Touch(d.Messages);
            if (d.Results >= 0) touched += _inbox.Touch(d.Results);
        }
        t_touched = touched; // kept, so the loads above are not dropped as unused (the thread's own: no cache line shared)
        for (var k = from; k < to; k++) Gather(k);
    }

    [ThreadStatic] private static long t_touched; // see Gather(int, int)

    private const int GatherBlock = 256; // due devices gathered at once by TakeDue: their slots fit in the cache

    /// <summary>
    /// Copies what due device k (of <see cref="PlanDue"/>) is handed into its slices: its messages
    /// sorted by sender, its results by order id. Threads may gather distinct devices at once.
    /// </summary>
    private void Gather(int k)
    {
        ref readonly var d = ref Slot(k);
        if (d.Taken > 0)
        {
            var span = _taken.AsSpan(d.TakenAt, d.Taken);
            _incoming.CopyOut(d.Messages, span);
            BySender(span); // a device never depends on the order messages arrived in
        }
        if (d.Settled > 0)
        {
            var span = _settled.AsSpan(d.SettledAt, d.Settled);
            _inbox.CopyOut(d.Results, span);
            OrderResults.SortById(span);
        }
    }

    /// <summary>After every due device is gathered: counts the money they were handed, and frees the mailboxes' slots.</summary>
    public void EndGather()
    {
        foreach (var t in _taken.AsSpan(0, _gathered.Taken))
        {
            if (t.CarriesMoney) Received += t.Amount;
        }
        foreach (var r in _settled.AsSpan(0, _gathered.Settled))
        {
            if (r.Side == Side.Buy) Sent += r.Notional;
            else Received += r.Notional;
        }
        _inbox.Trim();
        _incoming.Trim();
    }

    private static int IndexOf(IReadOnlyList<string> types, string type)
    {
        for (var k = 0; k < types.Count; k++)
        {
            if (types[k] == type) return k;
        }
        return -1;
    }

    /// <summary>
    /// Sorts a device's messages by sender, then resource, kind, negotiation and round; ties keep
    /// arrival order (the order LINQ's stable OrderBy … ThenBy chain gave, which this replaced: that
    /// chain allocated five sorters per device per tick and was most of a tick's time at 100 k devices).
    /// A device usually gets a handful, sorted in place by insertion (stable, no allocation); many
    /// (a seller that every buyer bargains with) are sorted with their arrival as the last key.
    /// </summary>
    private static void BySender(Span<PeerMessage> incoming)
    {
        if (incoming.Length > 16)
        {
            var keyed = new (PeerMessage Message, int Arrival)[incoming.Length];
            for (var k = 0; k < keyed.Length; k++) keyed[k] = (incoming[k], k);
            Array.Sort(keyed, static (a, b) => Compare(a.Message, b.Message) is var c && c != 0 ? c : a.Arrival.CompareTo(b.Arrival));
            for (var k = 0; k < keyed.Length; k++) incoming[k] = keyed[k].Message;
            return;
        }
        for (var k = 1; k < incoming.Length; k++)
        {
            var m = incoming[k];
            var j = k - 1;
            for (; j >= 0 && Compare(incoming[j], m) > 0; j--) incoming[j + 1] = incoming[j];
            incoming[j + 1] = m;
        }

        static int Compare(in PeerMessage a, in PeerMessage b)
        {
            var c = a.From.CompareTo(b.From);
            if (c == 0) c = ((int)a.Resource).CompareTo((int)b.Resource);
            if (c == 0) c = ((int)a.Kind).CompareTo((int)b.Kind);
            if (c == 0) c = a.Opened.CompareTo(b.Opened);
            return c == 0 ? a.Round.CompareTo(b.Round) : c;
        }
    }

    /// <summary>
    /// One empty batch per market, in market order: the roster's own, emptied and valid until the
    /// next call (a market copies what it clears, and a shard sends copies).
    /// </summary>
    public MarketBatch[] EmptyBatches()
    {
        foreach (var b in _batches) b.Clear();
        return _batches;
    }

    /// <summary>
    /// Records a device's step in <paramref name="tick"/>: its new wallet total, its orders and deals into their
    /// market's batch and the messages it sent (<paramref name="sent"/>) into <paramref name="transfers"/>, but
    /// for the negotiation moves the network loses. Returns the fees it paid.
    /// </summary>
    public long Record(int index, int tick, in DeviceStepResult result, ReadOnlySpan<PeerMessage> sent, MarketBatch[] batches, List<PeerMessage> transfers)
    {
        Debug.Assert(result.Messages is null || result.Messages.Length == sent.Length, "The step's messages are passed as sent.");
        _wealth[index] = result.Wealth;
        _negotiating[index] = result.Negotiating || result.Unsettled; // the final settlement steps it
        if (result.Ledger != default) Ledger += result.Ledger;
        foreach (ref readonly var o in result.Orders.AsSpan()) batches[MarketOf(o.Resource)].Orders.Add(o);
        foreach (var d in result.Deals ?? []) batches[MarketOf(d.Resource)].Deals.Add(d);
        if (!sent.IsEmpty)
        {
            // The spec is read only where some network loses moves: at a million devices each read is a cache miss.
            var loss = _lossy ? _specs[index].MessageLoss : 0;
            // One stream per sender and tick, a draw per move in the order sent: the same moves are lost on any engine.
            var network = loss > 0 ? new RandomStream(_specs[index].Seed, RandomPurpose.MessageLoss, _ids[index], tick) : default;
            foreach (var t in sent)
            {
                if (t.From != _ids[index] || t.Amount < 0 || (t.CarriesMoney && t.Amount == 0))
                    throw new InvalidOperationException($"Device {_ids[index]} reported an invalid message {t}.");
                if (t.CarriesMoney) Sent += t.Amount;
                if (t.Kind is MessageKind.Offer or MessageKind.WalkAway && loss > 0 && network.NextDouble() < loss)
                {
                    Lost++;
                    continue;
                }
                transfers.Add(t);
            }
        }
        return result.FeesPaid;
    }

    private int MarketOf(Resource resource)
    {
        var m = _marketOf[(int)resource];
        return m >= 0 ? m : throw new InvalidOperationException($"There is no {resource.Name()} market.");
    }
}
