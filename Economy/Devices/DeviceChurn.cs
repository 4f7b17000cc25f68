using M2MSim.Economy.Randomness;

namespace M2MSim.Economy.Devices;

/// <summary>
/// When one device is offline: spell k covers ticks [k × Spell − Phase, (k + 1) × Spell − Phase),
/// and the device is offline in it with probability <see cref="Offline"/>, drawn from the stream
/// keyed by (seed, churn, device, spell). A function of the tick alone: no state, nothing to
/// checkpoint, and every engine and shard sees the same answer without asking the device.
/// </summary>
public sealed record DeviceChurn(double Offline, int Spell, int Phase)
{
    public bool IsOffline(ulong seed, int device, int tick)
    {
        if (Offline <= 0) return false;
        var spell = (tick + Phase) / Spell;
        var random = new RandomStream(seed, RandomPurpose.Churn, device, spell);
        return random.NextDouble() < Offline;
    }
}
