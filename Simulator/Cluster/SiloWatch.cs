namespace M2MSim.Simulator.Cluster;

/// <summary>
/// Tells a cluster run that a silo it counts on is gone: at once when a silo process this
/// simulator started ends, else when Orleans' membership (the judge, through Redis) no longer
/// counts one of them as active (by address: a silo joining meanwhile hides no loss). Polled about
/// once a second; a poll that fails or hangs is skipped, never fatal.
/// </summary>
public sealed class SiloWatch : IAsyncDisposable
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(5);

    /// <summary>After a failure with no sign of a lost silo: how long membership gets to declare one dead (Orleans takes about 10–30 s).</summary>
    public static readonly TimeSpan DeclareTimeout = TimeSpan.FromSeconds(60);

    private readonly ClusterClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private TaskCompletionSource<string> _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _poll = Task.CompletedTask;

    private IReadOnlySet<string> _counted; // the silos the run counts on

    private SiloWatch(ClusterClient client, IReadOnlySet<string> active)
    {
        _client = client;
        _counted = active;
    }

    /// <summary>Silos the run counts on now.</summary>
    public int Active
    {
        get
        {
            lock (_gate) return _counted.Count;
        }
    }

    /// <summary>Completes, with what was seen, when a silo the run counts on is known lost.</summary>
    public Task<string> Lost
    {
        get
        {
            lock (_gate) return _lost.Task;
        }
    }

    public static async Task<SiloWatch> StartAsync(ClusterSession session)
    {
        var watch = new SiloWatch(session.Client, await session.Client.ActiveSiloAddressesAsync());
        foreach (var silo in session.Silos)
            _ = silo.Exited.ContinueWith(_ => watch.Report($"{silo.Name} (process {silo.Id}) ended"), TaskScheduler.Default);
        watch._poll = watch.PollAsync();
        return watch;
    }

    /// <summary>
    /// After the run failed or saw a loss: waits until membership counts fewer active silos than the
    /// run counted on, so that new grains avoid the dead one. Returns the counts before and after, or
    /// null if every silo stayed active (the failure was not a lost silo).
    /// </summary>
    public async Task<(int Before, int After, string Cause)?> ConfirmLossAsync(CancellationToken cancellationToken)
    {
        var seen = Lost.IsCompleted;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A silo process seen ending will be declared dead; without that sign, give membership its time.
        timeout.CancelAfter(seen ? 2 * DeclareTimeout : DeclareTimeout);
        try
        {
            while (true)
            {
                if (await ActiveAsync() is { } active)
                {
                    lock (_gate)
                    {
                        if (Gone(active) is { } gone)
                        {
                            var before = _counted.Count;
                            var cause = _lost.Task.IsCompleted ? _lost.Task.Result : gone;
                            // From now on the run counts on the silos active now, new ones included.
                            _counted = active;
                            _lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                            return (before, active.Count, cause);
                        }
                    }
                }
                await Task.Delay(PollEvery, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _poll;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }
        _stop.Dispose();
    }

    private void Report(string cause)
    {
        lock (_gate) _lost.TrySetResult(cause);
    }

    private async Task PollAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await Task.Delay(PollEvery, _stop.Token);
            if (await ActiveAsync() is not { } active) continue;
            // Compared and reported under the lock: a loss seen against the silos of before a recovery is not reported after it.
            lock (_gate)
            {
                if (Gone(active) is { } gone) _lost.TrySetResult(gone);
            }
        }
    }

    /// <summary>Which counted silos the cluster no longer counts as active, said as a cause; null if none. Call under the lock.</summary>
    private string? Gone(IReadOnlySet<string> active)
    {
        var gone = _counted.Where(s => !active.Contains(s)).ToArray();
        return gone.Length == 0 ? null : $"the cluster no longer counts silo {string.Join(", ", gone)} as active";
    }

    private async Task<IReadOnlySet<string>?> ActiveAsync()
    {
        try
        {
            return await _client.ActiveSiloAddressesAsync().WaitAsync(PollTimeout, _stop.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !_stop.IsCancellationRequested)
        {
            return null; // the cluster is busy or reorganising: ask again later
        }
    }
}
