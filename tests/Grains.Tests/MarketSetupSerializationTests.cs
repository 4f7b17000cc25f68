using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;
using M2MSim.Grains.Markets;
using M2MSim.Grains.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace M2MSim.Grains.Tests;

/// <summary>A market grain on another silo must build the same mechanism: its setup crosses silos whole.</summary>
public sealed class MarketSetupSerializationTests
{
    private static T RoundTrip<T>(T value)
    {
        using var services = new ServiceCollection().AddSerializer(s => s.AddEconomyTypes()).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        return serializer.Deserialize<T>(serializer.SerializeToArray(value)) ?? throw new InvalidOperationException("Deserialized null.");
    }

    [Fact]
    public void A_setup_with_every_market_option_round_trips()
    {
        var setup = new MarketSetup("run", new MarketSpec(Resource.Bandwidth, MarketMechanism.Posted, 0.015, 0.1, 5, InitialPrice: 1.25, Adjust: 0.35), 42, 3);
        var back = RoundTrip(setup);

        Assert.Equal(setup, back);
        Assert.Equal(1_250_000, Assert.IsType<PostedPrice>(MarketMechanisms.Create(back.Market, back.Seed)).Price);

        var cda = setup with { Market = new MarketSpec(Resource.Data, MarketMechanism.Cda, 0, 0.1, 5, NyseRule: true, ClearAfterTrade: true) };
        Assert.Equal(cda, RoundTrip(cda));
    }

    [Fact]
    public void A_clearing_keeps_its_tape_across_silos()
    {
        var clearing = new MarketClearing(Resource.Data, [], [], 3, 4, [new Shout(Side.Buy, 3, false), new Shout(Side.Sell, 5, true)]);
        Assert.Equal(clearing.Tape, RoundTrip(clearing).Tape);
    }
}
