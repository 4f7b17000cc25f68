using System.Text.Json;

namespace M2MSim.Dashboard.Tests;

/// <summary>The dashboard's live channel read as the page reads it: waits on its events, never on the clock.</summary>
public sealed class LiveEvents : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private LiveEvents(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _reader = new StreamReader(stream);
    }

    public static async Task<LiveEvents> OpenAsync(HttpClient http, Uri events)
    {
        var response = await http.GetAsync(events, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new LiveEvents(response, await response.Content.ReadAsStreamAsync());
    }

    public async Task<JsonElement> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (await _reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal)) return JsonDocument.Parse(line["data: ".Length..]).RootElement;
        }
        throw new InvalidOperationException("The event stream ended.");
    }

    /// <summary>The first event that satisfies the condition; fails after a timeout, saying what it waited for.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> condition, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < Timeout)
        {
            var update = await NextAsync();
            if (condition(update)) return update;
        }
        throw new TimeoutException($"No event showed {what} within {Timeout.TotalSeconds} s.");
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
