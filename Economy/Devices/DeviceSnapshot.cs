namespace M2MSim.Economy.Devices;

/// <summary>A device's state, as written to devices.csv. Arrays are indexed by resource.</summary>
/// <param name="Surplus">Realised trading surplus: Σ (value − price) bought + Σ (price − fee − cost) sold.</param>
/// <param name="Downtime">Active ticks a worn device could not work (0 without wear).</param>
/// <param name="Replacements">Parts a worn device replaced (0 without wear).</param>
/// <param name="WithheldData">Data units a data owner kept private (0 without a data policy).</param>
public sealed record DeviceSnapshot(
    int Id,
    string Type,
    string Strategy,
    long Balance,
    long Escrow,
    long[] Inventory,
    long[] Bought,
    long[] Sold,
    long Surplus,
    long Downtime = 0,
    long Replacements = 0,
    long WithheldData = 0);
