namespace M2MSim.Silo.Dashboard;

/// <summary>Where a run stands, as the page and the API show it.</summary>
public enum RunState
{
    Waiting,
    Running,
    Paused,
    Stopping,
    Completed,
    Stopped,
    Failed,
}
