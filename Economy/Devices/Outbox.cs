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

    private readonly List<PeerMessage> _messages = [];
    private readonly List<Trade> _deals = [];

    /// <summary>The step's orders.</summary>
    public List<Order> Orders { get; } = [];

    /// <summary>This thread's outbox, emptied for a new step.</summary>
    public static Outbox ForStep()
    {
        var outbox = t_outbox ??= new Outbox();
        outbox._messages.Clear();
        outbox._deals.Clear();
        outbox.Orders.Clear();
        return outbox;
    }

    public void Send(in PeerMessage message) => _messages.Add(message);

    public void Record(in Trade deal) => _deals.Add(deal);

    public DeviceStepResult Result(long wealth, long fees, bool negotiating, LedgerActivity ledger, bool unsettled) =>
        new(Orders.ToArray(), wealth, fees, _messages.Count == 0 ? null : _messages.ToArray(), _deals.Count == 0 ? null : _deals.ToArray(), negotiating, ledger, unsettled);
}
