namespace M2MSim.Silo.Dashboard;

/// <summary>What the page shows of a run that does not change while it goes on.</summary>
/// <param name="DevicesByType">Devices per population type, in population order.</param>
/// <param name="Resources">The markets' resources, in market order.</param>
public sealed record RunInfo(
    string Name,
    int Ticks,
    int Devices,
    ulong Seed,
    string Engine,
    int Silos,
    int Shards,
    IReadOnlyList<TypeCount> DevicesByType,
    IReadOnlyList<string> Resources);
