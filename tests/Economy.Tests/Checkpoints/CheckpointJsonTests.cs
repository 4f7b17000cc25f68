using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Tests.Checkpoints;

public sealed class CheckpointJsonTests
{
    private static DeviceState State(double[]? strategy = null, BargainState[]? bargains = null) => new(
        5, 7, [1, 2, 3], [0, 0, 1], [4, 0, 0], [0, 0, 9], -12, null, null, 2, [[true, false], [], null, null, [false], null],
        [new OutstandingOrder(long.MaxValue, 1)], strategy, bargains ?? []);

    private static DeviceCheckpoint Line(DeviceCheckpoint device) => CheckpointJson.DeserializeLine(CheckpointJson.SerializeLine(device));

    /// <summary>Any double's bits, as a ZIP margin: the shortest form System.Text.Json writes parses back to the same bits.</summary>
    [Property(MaxTest = 2_000)]
    public Property Doubles_round_trip_to_the_bit() =>
        Prop.ForAll(Gen.Choose(int.MinValue, int.MaxValue).Two().Select(t => BitConverter.Int64BitsToDouble(((long)t.Item1 << 32) | (uint)t.Item2)).ArrayOf().ToArbitrary(), values =>
        {
            double[] all = [.. values, -0.0, 0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 0.1, 1.0 / 3, double.PositiveInfinity, double.NegativeInfinity];
            var back = Line(new DeviceCheckpoint(0, State(all), [], [])).State!.Strategy!;
            // NaN comes back as NaN (its payload bits are not kept, and nothing reads them).
            return all.Zip(back).All(p => double.IsNaN(p.First) ? double.IsNaN(p.Second) : BitConverter.DoubleToInt64Bits(p.First) == BitConverter.DoubleToInt64Bits(p.Second));
        });

    [Fact]
    public void A_device_is_one_line_with_names_for_enums_and_no_nulls_and_it_round_trips()
    {
        var device = new DeviceCheckpoint(
            3,
            State([0.25, -0.5, 1e-300, -0.0], [new BargainState(9, Resource.Data, Side.Sell, 40, 1, 200, 55, 50, 12, [10, 20], null, true, 125)]),
            [new OrderResult(OrderIds.For(3, Resource.Bandwidth, Side.Sell, 2), 3, Resource.Bandwidth, Side.Sell, 1, 9, 1, 9, 1)],
            [new PeerMessage(9, 3, MessageKind.WalkAway, 0, Resource.Data, 40, 7), PeerMessage.Gift(1, 3, long.MaxValue)]);

        var line = CheckpointJson.SerializeLine(device);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.Contains("\"traded\":[[true,false],[],null,null,[false],null]", line, StringComparison.Ordinal); // null elements are kept: they are positions
        Assert.DoesNotContain("ownLast", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\"values\"", line, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"walk-away\"", line, StringComparison.Ordinal);
        Assert.Contains("\"resource\":\"bandwidth\"", line, StringComparison.Ordinal);
        Assert.Contains("\"side\":\"sell\"", line, StringComparison.Ordinal);

        var back = Line(device);
        Assert.Equal(Rendering.Of(device), Rendering.Of(back));
        Assert.Equal(device.Inbox, back.Inbox);
        Assert.Equal(device.Incoming, back.Incoming);
        Assert.Equal(line, CheckpointJson.SerializeLine(back));
        Assert.True(double.IsNegative(back.State!.Strategy![3]));
    }

    [Fact]
    public void A_device_never_stepped_has_no_state_in_its_line()
    {
        var line = CheckpointJson.SerializeLine(new DeviceCheckpoint(12, null, [], []));
        Assert.Equal("""{"id":12,"inbox":[],"incoming":[]}""", line);
        Assert.Null(CheckpointJson.DeserializeLine(line).State);
    }

    [Fact]
    public void The_header_round_trips_with_its_tapes_and_market_states()
    {
        var trade = new Trade(4, Resource.Compute, 0, 1, 2, 2, 5_000_000, 100, 9_000_000, 3_000_000);
        var header = new Checkpoint(
            17, 1_000_000_000, 42, 300, 250,
            [new MarketTape(Resource.Compute, [new Shout(Side.Buy, 5, true), new Shout(Side.Sell, 7, false)]), new MarketTape(Resource.Data, [])],
            [
                MarketState.None,
                new MarketState(Price: 1_234_567),
                new MarketState(Running: [new RunningJobsState(18, [new OrderResult(1, 1, Resource.Compute, Side.Buy, 2, 9, 2, 10, 0)], [trade])]),
            ]);
        var json = CheckpointJson.Serialize(header);
        Assert.Contains("\"price\": 1234567", json, StringComparison.Ordinal);
        var back = CheckpointJson.DeserializeCheckpoint(json);
        Assert.Equal(Rendering.Of(header), Rendering.Of(back));
        Assert.Equal(header.Tapes[0].Shouts, back.Tapes[0].Shouts);
        Assert.Equal(trade, back.Markets[2].Running![0].Trades[0]);
        Assert.Equal(MarketState.None, back.Markets[0]);
        Assert.Equal(json, CheckpointJson.Serialize(back));
    }

    [Theory]
    [InlineData("""{"id":1,"inbox":null,"incoming":[]}""")]
    [InlineData("""{"id":1,"inbox":[],"incoming":[{"from":0,"to":1,"kind":7,"amount":1}]}""")]
    [InlineData("""{"id":1,"inbox":[],"incoming":[{"from":0,"to":1,"kind":"bribe","amount":1}]}""")]
    [InlineData("null")]
    [InlineData("{\"id\":1,\"inbox\":[],\"incoming\":[]}\n{\"id\":2,\"inbox\":[],\"incoming\":[]}")]
    public void A_line_that_is_not_a_device_checkpoint_is_refused(string line) =>
        Assert.ThrowsAny<JsonException>(() => CheckpointJson.DeserializeLine(line));
}
