namespace M2MSim.Economy.Devices;

/// <summary>A device's state, as written to devices.csv. Arrays are indexed by resource.</summary>
/// <param name="Surplus">Realised trading surplus: Σ (value − price) bought + Σ (price − fee − cost) sold.</param>
public sealed record DeviceSnapshot(
    int Id,
    string Type,
    string Strategy,
    long Balance,
    long Escrow,
    long[] Inventory,
    long[] Bought,
    long[] Sold,
    long Surplus);
