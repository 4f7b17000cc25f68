using M2MSim.Analysis.Results;
using M2MSim.Analysis.Statistics;

namespace M2MSim.Analysis.Metrics;

/// <summary>
/// What one device type ended with, from devices.csv: the mean realised surplus (column
/// <c>surplus</c>) and mean final wealth (<c>balance</c> + <c>escrow</c>), each with a 95 % interval
/// over the type's devices.
/// </summary>
public sealed record TypeEarnings(string Type, int Devices, MeanInterval Surplus, MeanInterval Wealth)
{
    /// <summary>One row per type, in the order types first appear in devices.csv (population order).</summary>
    public static IReadOnlyList<TypeEarnings> Of(IEnumerable<DeviceRecord> devices) =>
        devices.GroupBy(d => d.Type).Select(g => new TypeEarnings(g.Key, g.Count(),
            MeanInterval.Of(g.Select(d => (double)d.Surplus)),
            MeanInterval.Of(g.Select(d => (double)d.Wealth)))).ToArray();
}
