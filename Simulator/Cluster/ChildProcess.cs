using System.Diagnostics;

namespace M2MSim.Simulator.Cluster;

/// <summary>
/// A process the simulator starts and owns (a silo, a redis-server): ready when it prints a given
/// line, killed by its id when disposed. Its output is kept (the last lines) to explain a failure.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int TailLines = 40;
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _name;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(string name, ProcessStartInfo start, string readyLine)
    {
        _name = name;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        DataReceivedEventHandler read = (_, e) =>
        {
            if (e.Data is not { } line) return;
            lock (_tail)
            {
                _tail.Enqueue(line);
                if (_tail.Count > TailLines) _tail.Dequeue();
            }
            if (line.Contains(readyLine, StringComparison.Ordinal)) _ready.TrySetResult();
        };
        _process.OutputDataReceived += read;
        _process.ErrorDataReceived += read;
        _process.Exited += (_, _) => _exited.TrySetResult();
        _process.Exited += (_, _) => _ready.TrySetException(new ClusterUnavailableException(
            $"{_name} ended (exit code {_process.ExitCode}) before it was ready:{Environment.NewLine}{Tail()}"));
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Name => _name;

    /// <summary>Completes when the process ends, for whatever reason.</summary>
    public Task Exited => _exited.Task;

    /// <summary>Starts the process; wait for it with <see cref="WaitReadyAsync"/>.</summary>
    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string readyLine, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var child = new ChildProcess(name, start, readyLine);
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <exception cref="ClusterUnavailableException">The process ended or stayed silent too long.</exception>
    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _ready.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new ClusterUnavailableException($"{_name} was not ready after {timeout.TotalSeconds:N0} s:{Environment.NewLine}{Tail()}");
        }
    }

    public string Tail()
    {
        lock (_tail) return string.Join(Environment.NewLine, _tail);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped: nothing to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
