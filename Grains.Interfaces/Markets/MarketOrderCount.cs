namespace M2MSim.Grains.Markets;

/// <summary>
/// A market's order book at the close of its last tick: orders received and orders not (fully)
/// filled. Orders live one tick, so the unfilled ones are what stood in the book when it closed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MarketOrderCount([property: Id(0)] string Resource, [property: Id(1)] int Orders, [property: Id(2)] int Unfilled);
