using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Devices;

namespace M2MSim.Grains.Devices;

/// <summary>What a device grain returns from a step.</summary>
/// <param name="Result">The economy's result of the step.</param>
/// <param name="Parked">
/// The device's whole state when it deactivated after the step (it was allowed to, and the step was
/// quiet: <see cref="DeviceStepResult.Quiet"/>): its shard keeps this compact state and hands it back with the next step, which
/// activates the grain afresh. Null: the grain stays active.
/// </param>
[GenerateSerializer, Immutable]
public readonly record struct DeviceStep(
    [property: Id(0)] DeviceStepResult Result,
    [property: Id(1)] DeviceState? Parked = null);
