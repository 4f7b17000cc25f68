namespace M2MSim.Bench.Floor;

/// <summary>Benchmark only: answers at once, holds one int (a device grain holds far more).</summary>
[KeepAlive] // as the engine's device grains are: the idle collector neither tracks it nor files it on each call
public sealed class FloorDeviceGrain : Grain, IFloorDeviceGrain
{
    private int _calls;

    public ValueTask<int> Ping(int tick) => new(++_calls);
}
