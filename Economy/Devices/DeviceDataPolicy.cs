namespace M2MSim.Economy.Devices;

/// <summary>One device's data owner policy, from its population's <see cref="Scenarios.DataPolicySpec"/>.</summary>
/// <param name="Share">The share of produced data offered, in [0, 1].</param>
/// <param name="MinPrice">The lowest data ask, in micro-units.</param>
public sealed record DeviceDataPolicy(double Share, long MinPrice)
{
    /// <summary>
    /// How many of <paramref name="produced"/> units (all the data produced so far) may have been
    /// offered by now: floor(produced × share). Cumulative, so no unit is lost to rounding tick by tick.
    /// In decimal, where the share is the number written in the file (0.29 stays 0.29): in doubles
    /// 100 × 0.29 is 28.999…, and the floor would offer one unit less than the file says.
    /// </summary>
    public long Offerable(long produced) => Share >= 1 ? produced : (long)decimal.Floor(produced * (decimal)Share);
}
