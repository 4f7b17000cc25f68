using M2MSim.Bench.Floor;

namespace M2MSim.Bench.Tests;

public sealed class FloorOrderTests
{
    [Fact]
    public void In_order_is_activation_order()
    {
        Assert.Equal(Enumerable.Range(0, 7), FloorOrder.Of(7, shuffled: false, seed: 3));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    public void Shuffled_calls_every_device_once(int count)
    {
        var order = FloorOrder.Of(count, shuffled: true, seed: 5);
        Assert.Equal(Enumerable.Range(0, count), order.Order());
    }

    [Fact]
    public void Shuffled_is_seeded_and_not_in_order()
    {
        var a = FloorOrder.Of(1000, shuffled: true, seed: 5);
        Assert.Equal(a, FloorOrder.Of(1000, shuffled: true, seed: 5));
        Assert.NotEqual(a, FloorOrder.Of(1000, shuffled: true, seed: 6));
        // Far from activation order: most neighbours in the call order are not neighbours in memory.
        var adjacent = a.Zip(a.Skip(1)).Count(p => Math.Abs(p.First - p.Second) == 1);
        Assert.InRange(adjacent, 0, 50);
    }
}
