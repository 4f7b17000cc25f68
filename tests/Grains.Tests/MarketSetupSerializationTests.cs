using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;
using M2MSim.Grains.Markets;

namespace M2MSim.Grains.Tests;

/// <summary>A market grain on another silo must build the same mechanism: its setup crosses silos whole.</summary>
public sealed class MarketSetupSerializationTests
{
    [Fact]
    public void A_setup_with_every_market_option_round_trips()
    {
        var setup = new MarketSetup("run", new MarketSpec(Resource.Bandwidth, MarketMechanism.Posted, 0.015, 0.1, 5, InitialPrice: 1.25, Adjust: 0.35), 42, 3);
        var back = OrleansRoundTrip.Of(setup);

        Assert.Equal(setup, back);
        Assert.Equal(1_250_000, Assert.IsType<PostedPrice>(MarketMechanisms.Create(back.Market, back.Seed)).Price);

        var cda = setup with { Market = new MarketSpec(Resource.Data, MarketMechanism.Cda, 0, 0.1, 5, NyseRule: true, ClearAfterTrade: true) };
        Assert.Equal(cda, OrleansRoundTrip.Of(cda));
    }

    [Fact]
    public void A_clearing_keeps_its_tape_across_silos()
    {
        var clearing = new MarketClearing(Resource.Data, [], [], 3, 4, [new Shout(Side.Buy, 3, false), new Shout(Side.Sell, 5, true)]);
        Assert.Equal(clearing.Tape, OrleansRoundTrip.Of(clearing).Tape);
    }
}
