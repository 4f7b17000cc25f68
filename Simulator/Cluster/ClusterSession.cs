using M2MSim.Silo.Cluster;

namespace M2MSim.Simulator.Cluster;

/// <summary>
/// The cluster a run uses instead of the embedded silo: an existing one (--cluster), or N silo
/// processes started here (--silos), with their own redis-server if none was given. Disposing it
/// stops everything it started, in reverse order, whatever happened before.
/// </summary>
public sealed class ClusterSession : IAsyncDisposable
{
    /// <summary>Long enough for N silos to start on a loaded two-core machine.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Stack<IAsyncDisposable> _owned = new();
    private readonly List<ChildProcess> _silos = [];

    private ClusterSession(ClusterSettings settings) => Settings = settings;

    public ClusterSettings Settings { get; }

    public ClusterClient Client { get; private set; } = null!;

    /// <summary>The silo processes this session started and saw ready (none on an existing cluster).</summary>
    public IReadOnlyList<ChildProcess> Silos
    {
        get
        {
            lock (_silos) return _silos.ToArray();
        }
    }

    /// <summary>The process id of each silo this session started, in start order (for tests and the curious).</summary>
    public string SiloProcesses() => string.Join(", ", Silos.Select(s => $"{s.Name} = process {s.Id}"));

    /// <exception cref="ClusterUnavailableException">The cluster could not be reached or started.</exception>
    public static async Task<ClusterSession> OpenAsync(ClusterRequest request, CancellationToken cancellationToken)
    {
        var redis = request.Redis;
        ChildProcess? localRedis = null;
        if (redis is null) (localRedis, redis) = await LocalRedis.StartAsync(cancellationToken);
        var clusterId = request.ClusterId ?? (request.Silos > 0 ? $"m2msim-local-{Guid.NewGuid():N}"[..22] : ClusterSettings.DefaultClusterId);
        var session = new ClusterSession(new ClusterSettings(redis, clusterId, request.ServiceId ?? ClusterSettings.DefaultServiceId));
        if (localRedis is not null) session._owned.Push(localRedis);
        try
        {
            if (request.Silos > 0) await session.StartSilosAsync(request.Silos, cancellationToken);
            session.Client = await ClusterClient.ConnectAsync(session.Settings, cancellationToken);
            session._owned.Push(session.Client);
            if (request.Silos > 0) await session.WaitForMembershipAsync(request.Silos, cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Stopping is not part of the run: a failure here is a warning, and the rest is still stopped.
        while (_owned.TryPop(out var owned))
        {
            try
            {
                await owned.DisposeAsync();
            }
            catch (Exception e)
            {
                await Console.Error.WriteLineAsync($"warning: stopping the cluster: {e.Message}");
            }
        }
    }

    private async Task StartSilosAsync(int count, CancellationToken cancellationToken)
    {
        if (await RedisProbe.CheckAsync(Settings.Redis, cancellationToken) is { } unreachable) throw new ClusterUnavailableException(unreachable);
        // The silo host is built next to the simulator (a project reference); it runs as `dotnet M2MSim.Silo.dll`.
        var dll = Path.Combine(AppContext.BaseDirectory, "M2MSim.Silo.dll");
        if (!File.Exists(dll)) throw new ClusterUnavailableException($"the silo host {dll} is missing: build the solution.");
        await Task.WhenAll(Enumerable.Range(1, count).Select(i => StartSiloAsync(i, dll, cancellationToken)));
    }

    /// <summary>
    /// A silo that ends before it is ready is started once more: its ports are picked free but
    /// bound a moment later, and on a busy machine another process may take one in between.
    /// </summary>
    private async Task StartSiloAsync(int number, string dll, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var silo = ChildProcess.Start($"silo {number}", "dotnet",
                [dll, "--cluster", Settings.Redis, "--cluster-id", Settings.ClusterId, "--service-id", Settings.ServiceId, "--stop-with", $"{Environment.ProcessId}"],
                "Silo ready:",
                // Orleans' information logs would only fill the pipe; warnings stay for a failure's explanation.
                new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" });
            lock (_owned) _owned.Push(silo);
            try
            {
                await silo.WaitReadyAsync(StartTimeout, cancellationToken);
                lock (_silos) _silos.Add(silo);
                return;
            }
            catch (ClusterUnavailableException) when (silo.HasExited && attempt < 2)
            {
                await Console.Error.WriteLineAsync($"warning: silo {number} ended before it was ready; starting it again:{Environment.NewLine}{silo.Tail()}");
            }
        }
    }

    /// <summary>Orleans' membership is the judge: the run starts once it counts every silo as active.</summary>
    private async Task WaitForMembershipAsync(int count, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var active = 0;
        try
        {
            while ((active = await Client.ActiveSilosAsync()) < count)
                await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ClusterUnavailableException($"only {active} of {count} silos became active in cluster {Settings.ClusterId} within {StartTimeout.TotalSeconds:N0} s.");
        }
    }
}
