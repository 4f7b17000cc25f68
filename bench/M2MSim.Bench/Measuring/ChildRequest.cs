namespace M2MSim.Bench.Measuring;

/// <summary>One measurement, run in a fresh process so that models, engines and collectors never share a heap.</summary>
/// <param name="Gc">"server", "workstation" or "throughput": the child's collector settings (<see cref="ChildProcess.GcEnvironment"/>).</param>
/// <param name="FloorRounds">Warm rounds of the actor floor; 0: no floor (it activates as many grains as devices).</param>
/// <param name="DeactivateIdle">The Orleans engine's --deactivate-idle (0: devices stay activated).</param>
/// <param name="Warmup">Ticks run before the measured ones (at least 1: tick 0 activates every device).</param>
/// <param name="WarmupSeconds">
/// And the warm-up goes on until the ticks after tick 0 have run this long; the measured ticks (as many as
/// without it) follow. Tiered compilation replaces the hot loops' code over about the first second of a run.
/// </param>
/// <param name="FloorOrder">
/// The order the floor's warm rounds call devices in (<see cref="Floor.FloorOrder"/>; default: the order they
/// were activated, as the engine does): an experiment on memory locality, set only in a child's request.
/// </param>
public sealed record ChildRequest(
    string Model,
    string Engine,
    string Gc,
    int Devices,
    int Ticks,
    int Shards,
    int Parallelism,
    int FloorRounds,
    int DeactivateIdle = 0,
    int Warmup = 1,
    string FloorOrder = Floor.FloorOrder.Activation,
    double WarmupSeconds = 0);
