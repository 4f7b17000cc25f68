namespace M2MSim.Simulator.Checkpoints;

/// <summary>
/// The run's side of a checkpoint (run.json): what `run --resume` needs besides the economy: the
/// scenario as resolved, where the driver stood, and the run's history so far.
/// </summary>
/// <param name="CheckpointEvery">The run's checkpoint interval, which a resumed run keeps unless told otherwise.</param>
public sealed record CheckpointRun(
    string ScenarioPath,
    string ScenarioJson,
    DateTimeOffset StartedUtc,
    RunPoint Point,
    IReadOnlyList<RecoveryRecord> Recoveries,
    IReadOnlyList<ResumeRecord> Resumes,
    int CheckpointEvery);
