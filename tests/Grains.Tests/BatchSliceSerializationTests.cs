using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;
using Orleans.Concurrency;

namespace M2MSim.Grains.Tests;

/// <summary>
/// Shards and markets send their batches as slices of buffers they reuse. Inside a silo the slice
/// is passed as is; to another silo exactly the slice must travel, not the buffer around it.
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
    public void Only_the_slice_of_an_orders_buffer_crosses_silos()
    {
        var buffer = Enumerable.Range(0, 5).Select(i => new Order(7 + i, i, Resource.Compute, Side.Sell, 1 + i, 10 * i)).ToArray();

        var back = OrleansRoundTrip.Of(new Immutable<ReadOnlyMemory<Order>>(buffer.AsMemory(1, 2))).Value;

        Assert.Equal(buffer[1..3], back.ToArray());
        Assert.True(OrleansRoundTrip.Of(new Immutable<ReadOnlyMemory<Order>>(buffer.AsMemory(5, 0))).Value.IsEmpty);
    }
}
