using M2MSim.Grains.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace M2MSim.Grains.Tests;

/// <summary>What a value becomes when it crosses silos: serialized and read back as the silos do it.</summary>
public static class OrleansRoundTrip
{
    public static T Of<T>(T value)
    {
        using var services = new ServiceCollection().AddSerializer(s => s.AddEconomyTypes()).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        return serializer.Deserialize<T>(serializer.SerializeToArray(value)) ?? throw new InvalidOperationException("Deserialized null.");
    }
}
