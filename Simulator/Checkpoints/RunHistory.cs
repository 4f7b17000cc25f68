namespace M2MSim.Simulator.Checkpoints;

/// <summary>A run's resumes and recoveries so far (checkpoint/history.json), for its manifest.</summary>
public sealed record RunHistory(IReadOnlyList<RecoveryRecord> Recoveries, IReadOnlyList<ResumeRecord> Resumes);
