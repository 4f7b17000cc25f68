using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Devices;

/// <summary>
/// A data owner's policy: only a share of the data the device produces is ever offered, the rest is
/// kept private (never in inventory, never sold), and its data asks never go below a floor.
/// </summary>
public sealed partial class Device
{
    // All the data the device has produced, offered or not: the offered part follows from it by the
    // policy's floor, so rounding never loses or adds a unit over the run.
    private long _dataProduced;

    /// <summary>The part of this tick's <paramref name="produced"/> units of a resource that the device offers.</summary>
    private long Offered(Resource resource, long produced)
    {
        if (resource != Resource.Data || Spec.DataPolicy is not { } policy) return produced;
        var before = policy.Offerable(_dataProduced);
        _dataProduced = checked(_dataProduced + produced);
        return policy.Offerable(_dataProduced) - before;
    }

    /// <summary>Data produced and kept private so far.</summary>
    private long Withheld => Spec.DataPolicy is { } policy ? _dataProduced - policy.Offerable(_dataProduced) : 0;

    /// <summary>
    /// The cost a unit is quoted from: its cost, but for data never below the policy's minimum price.
    /// Surplus is still counted against the true cost.
    /// </summary>
    private long QuoteCost(int resource) =>
        resource == (int)Resource.Data && Spec.DataPolicy is { } policy ? Math.Max(_costs[resource], policy.MinPrice) : _costs[resource];

    /// <summary>A strategy's data ask raised to the policy's floor: an unconstrained strategy ignores the cost it is given.</summary>
    private long Floor(int resource, long ask) =>
        ask > 0 && resource == (int)Resource.Data && Spec.DataPolicy is { } policy ? Math.Max(ask, policy.MinPrice) : ask;
}
