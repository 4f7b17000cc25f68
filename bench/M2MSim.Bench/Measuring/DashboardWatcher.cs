namespace M2MSim.Bench.Measuring;

/// <summary>
/// An open page, as far as the silo can tell: a client on the dashboard's live channel
/// (<c>/api/events</c>) that reads every update the silo pushes, for the whole run. Measuring the
/// dashboard unwatched would leave out what a researcher's open page costs.
/// </summary>
public sealed class DashboardWatcher : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private int _updates;

    private DashboardWatcher(Uri dashboard) => _reading = ReadAsync(new Uri(dashboard, "api/events"));

    /// <summary>Updates received so far (server-sent events, one per push).</summary>
    public int Updates => Volatile.Read(ref _updates);

    public static DashboardWatcher Open(Uri dashboard) => new(dashboard);

    private async Task ReadAsync(Uri events)
    {
        try
        {
            using var response = await _http.GetAsync(events, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("data:", StringComparison.Ordinal)) Interlocked.Increment(ref _updates);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    /// <summary>Stops reading; a failure to connect or read surfaces here.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        finally
        {
            _stop.Dispose();
            _http.Dispose();
        }
    }
}
