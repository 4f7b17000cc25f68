using M2MSim.Economy.Markets;
using M2MSim.Economy.Settlement;

namespace M2MSim.Economy.Devices;

/// <summary>
/// What a device sends, quotes and agrees to during one step, gathered for its <see cref="DeviceStepResult"/>.
/// Scratch space of the calling thread, reused by every step it runs (a step never yields, so no
/// other step can share it): a step then allocates only the exact arrays of its result.
/// </summary>
internal sealed class Outbox
{
    [ThreadStatic] private static Outbox? t_outbox;

    private readonly List<PeerMessage> _own = [];
    private readonly List<Trade> _deals = [];
    private List<PeerMessage> _messages = null!; // _own, or the caller's list (see ForStep)

    /// <summary>The step's orders.</summary>
    public List<Order> Orders { get; } = [];

    /// <summary>This thread's outbox, emptied for a new step.</summary>
    /// <param name="sent">
    /// Null: the step's messages go into its result. Otherwise they are added to this list and the
    /// result holds none: a caller that records many steps before their messages are dropped saves a
    /// small array per sending step (at 100 k money devices, most of what a tick allocates).
    /// </param>
    public static Outbox ForStep(List<PeerMessage>? sent = null)
    {
        var outbox = t_outbox ??= new Outbox();
        outbox._own.Clear();
        outbox._messages = sent ?? outbox._own;
        outbox._deals.Clear();
        outbox.Orders.Clear();
        return outbox;
    }

    public void Send(in PeerMessage message) => _messages.Add(message);

    public void Record(in Trade deal) => _deals.Add(deal);

    public DeviceStepResult Result(long wealth, long fees, bool negotiating, LedgerActivity ledger, bool unsettled) =>
        new(Orders.ToArray(), wealth, fees, _own.Count == 0 ? null : _own.ToArray(), _deals.Count == 0 ? null : _deals.ToArray(), negotiating, ledger, unsettled);
}
