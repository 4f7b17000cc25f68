using M2MSim.Economy.Markets;

namespace M2MSim.Economy.Devices;

/// <summary>What a device returns from a step: its orders for the tick and its wallet summary.</summary>
/// <param name="Wealth">Balance + escrow after the step.</param>
/// <param name="FeesPaid">Market fees paid in this step (they go to the fee sink).</param>
/// <param name="Transfers">Money sent to other devices in this step (null: none).</param>
public readonly record struct DeviceStepResult(Order[] Orders, long Wealth, long FeesPaid, Transfer[]? Transfers = null);
