namespace M2MSim.Bench.Floor;

/// <summary>Benchmark only: answers at once, holds one int (a device grain holds far more).</summary>
public sealed class FloorDeviceGrain : Grain, IFloorDeviceGrain
{
    private int _calls;

    public ValueTask<int> Ping(int tick) => new(++_calls);
}
