namespace M2MSim.Grains.Coordination;

/// <summary>One of the richest devices at a barrier: its id, population type and wealth (balance + escrow, micro-units).</summary>
[GenerateSerializer, Immutable]
public sealed record RichDevice([property: Id(0)] int Id, [property: Id(1)] string Type, [property: Id(2)] long Wealth);
