namespace M2MSim.Silo.Dashboard;

/// <summary>
/// Pause, resume and stop, asked for from the page or the API and carried out by the run driver
/// between ticks: it awaits <see cref="ProceedAsync"/>, which completes when the run may go on.
/// </summary>
public sealed class RunControl
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _resumed = NewSignal(completed: true);
    private bool _paused;
    private bool _stopped;

    public bool IsPaused
    {
        get { lock (_gate) return _paused && !_stopped; }
    }

    public bool IsStopRequested
    {
        get { lock (_gate) return _stopped; }
    }

    public void Pause()
    {
        lock (_gate)
        {
            if (_paused || _stopped) return;
            _paused = true;
            _resumed = NewSignal(completed: false);
        }
    }

    public void Resume()
    {
        lock (_gate)
        {
            _paused = false;
            _resumed.TrySetResult();
        }
    }

    /// <summary>Ends the run after the tick under way; a paused run stops at once.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            _resumed.TrySetResult();
        }
    }

    /// <summary>Waits while the run is paused (no polling); false when it must stop instead of running another tick.</summary>
    public async Task<bool> ProceedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task resumed;
            lock (_gate)
            {
                if (_stopped) return false;
                if (!_paused) return true;
                resumed = _resumed.Task;
            }
            await resumed.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSignal(bool completed)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed) signal.SetResult();
        return signal;
    }
}
