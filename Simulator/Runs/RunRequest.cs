using M2MSim.Economy.Scenarios;
using M2MSim.Silo.Dashboard;
using M2MSim.Simulator.Checkpoints;
using M2MSim.Simulator.Cluster;
using M2MSim.Simulator.Engines;

namespace M2MSim.Simulator.Runs;

/// <param name="ScenarioPath">The file the scenario came from, for the manifest.</param>
/// <param name="OutPath">The run folder; null for runs/&lt;name&gt;-&lt;UTC time&gt;.</param>
/// <param name="Engine">"orleans" or "reference".</param>
/// <param name="Grains">An existing cluster to run on; null starts an embedded silo.</param>
/// <param name="Live">The dashboard's live state and run control; null without a dashboard.</param>
/// <param name="CheckpointEvery">Save a checkpoint every this many ticks (0: only when stopped from the dashboard).</param>
/// <param name="Resume">Go on from this checkpoint, in its run folder, instead of starting afresh.</param>
/// <param name="Watch">The cluster's silos: with it, a run that loses one rolls back to its last checkpoint and goes on.</param>
/// <param name="ReferenceThreads">Threads the reference engine steps devices on (0: one per core); runs made several at once use one each.</param>
public sealed record RunRequest(
    Scenario Scenario,
    string ScenarioPath,
    string? OutPath,
    string Engine,
    OrleansEngineOptions Orleans,
    IGrainFactory? Grains = null,
    LiveRun? Live = null,
    int CheckpointEvery = 0,
    ResumeSource? Resume = null,
    SiloWatch? Watch = null,
    int ReferenceThreads = 0);
