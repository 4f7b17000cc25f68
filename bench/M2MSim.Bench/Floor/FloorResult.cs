namespace M2MSim.Bench.Floor;

/// <param name="ActivationSeconds">The first round: every floor device activated by its first call.</param>
/// <param name="CallsPerSecond">Warm empty calls per second over the later rounds.</param>
public sealed record FloorResult(double ActivationSeconds, double CallsPerSecond);
