using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;
using M2MSim.Grains.Devices;
using Orleans.Concurrency;

namespace M2MSim.Grains.Tests;

/// <summary>
/// Shards and markets send their batches, and shards their devices' inputs, as slices of buffers
/// they reuse. Inside a silo the slice is passed as is; to another silo exactly the slice must
/// travel, not the buffer around it.
/// </summary>
public sealed class BatchSliceSerializationTests
{
    [Fact]
    public void Only_the_slice_of_a_results_buffer_crosses_silos()
    {
        var buffer = Enumerable.Range(0, 6).Select(i => new OrderResult(100 + i, i, Resource.Data, i % 2 == 0 ? Side.Buy : Side.Sell, 1, 50 + i, i % 2, 50 + i, 0)).ToArray();

        var back = OrleansRoundTrip.Of(new Immutable<ReadOnlyMemory<OrderResult>>(buffer.AsMemory(2, 3))).Value;

        Assert.Equal(buffer[2..5], back.ToArray());
    }

    [Fact]
    public void A_device_input_carries_only_its_own_slices_of_the_shards_buffers_across_silos()
    {
        var settled = Enumerable.Range(0, 5).Select(i => new OrderResult(200 + i, 9, Resource.Compute, Side.Buy, 1, 30, 1, 30, 0)).ToArray();
        var taken = Enumerable.Range(0, 6).Select(i => PeerMessage.Gift(i, 9, 1 + i)).ToArray();

        var back = OrleansRoundTrip.Of(new DeviceInput(null, settled.AsMemory(3, 2), false, Incoming: taken.AsMemory(1, 3)));

        Assert.Equal(settled[3..5], back.Settlements.ToArray());
        Assert.Equal(taken[1..4], back.Incoming.ToArray());
        Assert.True(OrleansRoundTrip.Of(new DeviceInput(null, default, true)).Incoming.IsEmpty);
    }

    [Fact]
    public void Only_the_slice_of_an_orders_buffer_crosses_silos()
    {
        var buffer = Enumerable.Range(0, 5).Select(i => new Order(7 + i, i, Resource.Compute, Side.Sell, 1 + i, 10 * i)).ToArray();

        var back = OrleansRoundTrip.Of(new Immutable<ReadOnlyMemory<Order>>(buffer.AsMemory(1, 2))).Value;

        Assert.Equal(buffer[1..3], back.ToArray());
        Assert.True(OrleansRoundTrip.Of(new Immutable<ReadOnlyMemory<Order>>(buffer.AsMemory(5, 0))).Value.IsEmpty);
    }
}
