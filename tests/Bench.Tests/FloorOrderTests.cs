using M2MSim.Bench.Floor;

namespace M2MSim.Bench.Tests;

public sealed class FloorOrderTests
{
    [Fact]
    public void Activation_order_is_slice_order()
    {
        Assert.Equal(Enumerable.Range(0, 7), FloorOrder.Of(7, FloorOrder.Activation, seed: 3));
    }

    [Theory]
    [InlineData("shuffled", 0)]
    [InlineData("shuffled", 1)]
    [InlineData("shuffled", 1000)]
    [InlineData("strided", 1)]
    [InlineData("strided", 1003)]
    public void Every_order_calls_every_device_once(string order, int count)
    {
        Assert.Equal(Enumerable.Range(0, count), FloorOrder.Of(count, order, seed: 5).Order());
    }

    [Fact]
    public void Shuffled_is_seeded_and_far_from_activation_order()
    {
        var a = FloorOrder.Of(1000, FloorOrder.Shuffled, seed: 5);
        Assert.Equal(a, FloorOrder.Of(1000, FloorOrder.Shuffled, seed: 5));
        Assert.NotEqual(a, FloorOrder.Of(1000, FloorOrder.Shuffled, seed: 6));
        // Most neighbours in the call order are not neighbours in memory.
        Assert.InRange(a.Zip(a.Skip(1)).Count(p => Math.Abs(p.First - p.Second) == 1), 0, 50);
    }

    [Fact]
    public void Strided_walks_every_eighth_device_as_eight_shards_did()
    {
        Assert.Equal([0, 8, 16, 1, 9, 17, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15], FloorOrder.Of(18, FloorOrder.Strided, seed: 0));
    }

    [Fact]
    public void An_unknown_order_is_refused_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => FloorOrder.Of(3, "backwards", seed: 0));
        Assert.Contains("backwards", e.Message, StringComparison.Ordinal);
    }
}
