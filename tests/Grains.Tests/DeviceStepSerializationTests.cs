using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Settlement;
using M2MSim.Grains.Devices;

namespace M2MSim.Grains.Tests;

/// <summary>A device on another silo than its shard returns its step across silos: nothing of it may be lost.</summary>
public sealed class DeviceStepSerializationTests
{
    [Fact]
    public void A_step_with_ledger_activity_crosses_silos_whole()
    {
        var result = new DeviceStepResult([new Order(3, 1, Resource.Data, Side.Sell, 2, 40)], 1_000, 5, [PeerMessage.Gift(1, 2, 7)],
            Negotiating: true, Ledger: new LedgerActivity(1, 10, 2, 3, 4), Unsettled: true);

        var back = OrleansRoundTrip.Of(new DeviceStep(result)).Result;

        Assert.Equal(new LedgerActivity(1, 10, 2, 3, 4), back.Ledger);
        Assert.Equal(result.Orders, back.Orders);
        Assert.Equal(result.Messages, back.Messages);
        Assert.Equal((result.Wealth, result.FeesPaid, result.Negotiating, result.Unsettled), (back.Wealth, back.FeesPaid, back.Negotiating, back.Unsettled));
        Assert.Equal(default, OrleansRoundTrip.Of(new DeviceStep(result with { Ledger = default })).Result.Ledger);
    }
}
