namespace M2MSim.Bench.Floor;

/// <param name="ActivationSeconds">The first round: every floor device activated by its first call.</param>
/// <param name="CallsPerSecond">Warm empty calls per second over the later rounds.</param>
/// <param name="AllocatedBytesPerCall">Bytes the whole process allocated over the later rounds, per call: the runtime's own cost of a call, to set against an engine step's.</param>
/// <param name="PausedShare">The share of the later rounds' time the process was paused for collections.</param>
/// <param name="Rounds">Every round run: the first, those of the warm-up and the measured ones.</param>
public sealed record FloorResult(double ActivationSeconds, double CallsPerSecond, double AllocatedBytesPerCall, double PausedShare, int Rounds);
