namespace M2MSim.Economy.Devices;

/// <summary>A device's state, as written to devices.csv. Arrays are indexed by resource.</summary>
/// <param name="Surplus">Realised trading surplus: Σ (value − price) bought + Σ (price − fee − cost) sold.</param>
/// <param name="Downtime">Active ticks a worn device could not work (0 without wear).</param>
/// <param name="Replacements">Parts a worn device replaced (0 without wear).</param>
/// <param name="WithheldData">Data units a data owner kept private (0 without a data policy).</param>
/// <param name="Committed">Idle compute units committed to the network (scenarios with a reward pool).</param>
/// <param name="Rewards">Money the reward pool paid the device for them.</param>
/// <param name="LedgerFees">Chain fees the device paid for its transactions.</param>
/// <param name="Pending">Money paid to it and not confirmed (only a device that failed for good ends a run with any).</param>
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
    long WithheldData = 0,
    long Committed = 0,
    long Rewards = 0,
    long LedgerFees = 0,
    long Pending = 0);
