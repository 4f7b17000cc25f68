namespace M2MSim.Bench.Floor;

/// <summary>
/// Benchmark only: the cheapest possible device, a grain whose call does nothing. Calls to it per
/// second are the actor floor the engine's device steps are compared with.
/// </summary>
public interface IFloorDeviceGrain : IGrainWithIntegerCompoundKey
{
    ValueTask<int> Ping(int tick);
}
