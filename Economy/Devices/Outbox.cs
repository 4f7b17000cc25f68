using M2MSim.Economy.Markets;
using M2MSim.Economy.Settlement;

namespace M2MSim.Economy.Devices;

/// <summary>What a device sends and agrees to during one step, gathered for its <see cref="DeviceStepResult"/>.</summary>
internal sealed class Outbox
{
    private List<PeerMessage>? _messages;
    private List<Trade>? _deals;

    public void Send(in PeerMessage message) => (_messages ??= []).Add(message);

    public void Record(in Trade deal) => (_deals ??= []).Add(deal);

    public DeviceStepResult Result(Order[] orders, long wealth, long fees, bool negotiating, LedgerActivity ledger, bool unsettled) =>
        new(orders, wealth, fees, _messages?.ToArray(), _deals?.ToArray(), negotiating, ledger, unsettled);
}
