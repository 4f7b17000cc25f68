using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Tests.Markets;

public sealed class TapeRecorderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(TapeRecorder.Capacity)]
    [InlineData(TapeRecorder.Capacity + 1)]
    [InlineData(3 * TapeRecorder.Capacity + 17)]
    public void The_tape_keeps_the_last_shouts_in_order(int count)
    {
        var tape = new TapeRecorder();
        for (var i = 1; i <= count; i++) tape.Add(new Shout(Side.Buy, i, false));

        var kept = Math.Min(count, TapeRecorder.Capacity);
        Assert.Equal(Enumerable.Range(count - kept + 1, kept).Select(i => (long)i), tape.ToArray().Select(s => s.Price));
    }

    [Fact]
    public void A_busy_market_ships_only_the_last_shouts_of_the_tick()
    {
        var orders = Enumerable.Range(0, 1000)
            .Select(d => new Order(OrderIds.For(d, Resource.Data, Side.Buy), d, Resource.Data, Side.Buy, 1, 1 + d)).ToArray();
        var c = new ContinuousDoubleAuction(Resource.Data, 0, 3).Clear(0, orders);

        Assert.Equal(TapeRecorder.Capacity, c.Tape.Length);
        var last = SeededOrders.Of(3, Resource.Data, 0, 1000)[^TapeRecorder.Capacity..];
        Assert.Equal(last.Select(i => (long)(1 + i)), c.Tape.Select(s => s.Price));
    }
}
