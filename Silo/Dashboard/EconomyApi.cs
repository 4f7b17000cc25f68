using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace M2MSim.Silo.Dashboard;

/// <summary>
/// The economy view's JSON API and its live channel (server-sent events):
/// GET /api/run[?since=T], POST /api/run/pause|resume|stop, GET /api/events.
/// </summary>
public static class EconomyApi
{
    /// <summary>Batches the ticks of a fast run into a few events a second; a client gets one at least every second.</summary>
    private static readonly TimeSpan Batch = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapEconomyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/run", (LiveRun live, int? since) => Results.Json(Latest(live, since), Json));
        app.MapPost("/api/run/pause", (LiveRun live) => Control(live, c => c.Pause()));
        app.MapPost("/api/run/resume", (LiveRun live) => Control(live, c => c.Resume()));
        app.MapPost("/api/run/stop", (LiveRun live) => Control(live, c => c.Stop()));
        app.MapGet("/api/events", Events);
    }

    /// <summary>Without since, only the last tick: the full history is for the live channel.</summary>
    private static LiveUpdate Latest(LiveRun live, int? since)
    {
        var all = live.Since(since ?? -1);
        return since is null && all.Points.Count > 1 ? all with { Points = [all.Points[^1]] } : all;
    }

    private static IResult Control(LiveRun live, Action<RunControl> action)
    {
        action(live.Control);
        live.Signal();
        return Results.Json(Latest(live, null), Json);
    }

    private static async Task Events(HttpContext http, LiveRun live, IHostApplicationLifetime lifetime)
    {
        // The silo's shutdown must not wait for open pages: end the stream when the app stops.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var token = stop.Token;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        var seen = -1;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var changed = live.Changed;
                var update = live.Since(seen);
                if (update.Points.Count > 0) seen = update.Points[^1].Tick;
                await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(update, Json)}\n\n", token);
                await http.Response.Body.FlushAsync(token);
                await Task.WhenAny(changed, Task.Delay(Heartbeat, token));
                if (changed.IsCompleted) await Task.Delay(Batch, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The page went away or the silo is stopping.
        }
    }
}
