using M2MSim.Economy.Scenarios;
using Orleans.Serialization;

namespace M2MSim.Grains.Serialization;

/// <summary>
/// The economy's types travel between grains but must stay free of Orleans, so they carry no
/// [GenerateSerializer]. Orleans serializes them with System.Text.Json instead. Calls inside a silo
/// pass them wrapped in <see cref="Orleans.Concurrency.Immutable{T}"/>, so they are not even copied.
/// </summary>
public static class EconomySerialization
{
    public static ISerializerBuilder AddEconomyTypes(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(isSupported: type =>
            type.Assembly == typeof(Scenario).Assembly
            // Exceptions keep Orleans' own exception codec, which preserves type and message.
            && !typeof(Exception).IsAssignableFrom(type));
}
