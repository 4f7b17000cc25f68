using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Scenarios;

/// <summary>
/// From <see cref="Period"/> on, the population of type <see cref="Population"/> uses these schedules
/// for the resources they name (money units, as in the file); its other schedules stay as they were.
/// </summary>
public sealed record ShiftSpec(
    int Period,
    string Population,
    IReadOnlyDictionary<Resource, IReadOnlyList<double>>? Buys = null,
    IReadOnlyDictionary<Resource, IReadOnlyList<double>>? Sells = null);
