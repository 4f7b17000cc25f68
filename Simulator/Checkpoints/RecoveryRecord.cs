namespace M2MSim.Simulator.Checkpoints;

/// <summary>A silo lost during the run, and how the run went on: written into manifest.json.</summary>
/// <param name="FailedAtTick">The tick the run was at when the loss was detected.</param>
/// <param name="RolledBackTo">The ticks of the checkpoint the run went on from (0: from the start).</param>
/// <param name="SilosBefore">Active silos before the loss; <paramref name="SilosAfter"/> after it.</param>
/// <param name="Seconds">From detection until the run was running again.</param>
/// <param name="Cause">What the run saw: the exception, or the silo process that ended.</param>
public sealed record RecoveryRecord(int FailedAtTick, int RolledBackTo, int SilosBefore, int SilosAfter, DateTimeOffset DetectedUtc, double Seconds, string Cause);
