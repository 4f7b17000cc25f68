using System.Diagnostics;
using M2MSim.Economy.Metrics;
using M2MSim.Grains.Coordination;

namespace M2MSim.Silo.Dashboard;

/// <summary>
/// The live state of the run driven by this process: fed by the run driver after each tick (the
/// coordinator's reports, already summed over shards and silos), read by the page and the API.
/// Holds a bounded history, so a long run costs constant memory.
/// </summary>
public sealed class LiveRun
{
    public const int HistoryLength = 2000;
    private const int RateWindow = 10;

    private readonly Lock _gate = new();
    private readonly Queue<(TickPoint Point, long Timestamp)> _history = new();
    private TaskCompletionSource _changed = NewSignal();
    private RunInfo? _run;
    private RunState? _outcome;
    private string? _error;
    private int _ticksDone;
    private LiveEconomy? _economy;

    public RunControl Control { get; } = new();

    /// <summary>Completes at the next change (a tick, an economy view, a state change).</summary>
    public Task Changed
    {
        get { lock (_gate) return _changed.Task; }
    }

    public void Begin(RunInfo run)
    {
        lock (_gate) _run = run;
        Signal();
    }

    public void Publish(TickReport report)
    {
        var point = TickPoint.From(report);
        lock (_gate)
        {
            _history.Enqueue((point, Stopwatch.GetTimestamp()));
            if (_history.Count > HistoryLength) _history.Dequeue();
            _ticksDone = report.Tick + 1;
        }
        Signal();
    }

    public void Publish(LiveEconomy economy)
    {
        lock (_gate) _economy = economy;
        Signal();
    }

    /// <param name="outcome">Completed, Stopped or Failed.</param>
    public void End(RunState outcome, string? error)
    {
        lock (_gate)
        {
            _outcome = outcome;
            _error = error;
        }
        Signal();
    }

    /// <summary>Everything a client needs after it has seen the ticks up to <paramref name="afterTick"/> (−1: none).</summary>
    public LiveUpdate Since(int afterTick)
    {
        lock (_gate)
        {
            var points = _history.Where(h => h.Point.Tick > afterTick).Select(h => h.Point).ToArray();
            return new LiveUpdate(_run, State().ToString().ToLowerInvariant(), _ticksDone, TicksPerSecond(), points, _economy, _error);
        }
    }

    private RunState State()
    {
        if (_outcome is { } outcome) return outcome;
        if (_run is null) return RunState.Waiting;
        if (Control.IsStopRequested) return RunState.Stopping;
        return Control.IsPaused ? RunState.Paused : RunState.Running;
    }

    /// <summary>Over the last few ticks, so a pause shows as a rate of 0 rather than a slow average.</summary>
    private double TicksPerSecond()
    {
        if (_history.Count < 2 || State() != RunState.Running) return 0;
        var recent = _history.Skip(Math.Max(0, _history.Count - RateWindow)).ToArray();
        var seconds = Stopwatch.GetElapsedTime(recent[0].Timestamp, recent[^1].Timestamp).TotalSeconds;
        return seconds > 0 ? (recent.Length - 1) / seconds : 0;
    }

    /// <summary>Wakes every waiting client. Pause, resume and stop call it too, so their state shows at once.</summary>
    public void Signal()
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            old = _changed;
            _changed = NewSignal();
        }
        old.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
