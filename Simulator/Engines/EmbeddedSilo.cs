using System.Net;
using System.Net.Sockets;
using M2MSim.Silo;
using M2MSim.Silo.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace M2MSim.Simulator.Engines;

/// <summary>
/// A one-silo cluster inside the simulator's process, on free loopback ports so that several
/// simulators (or tests) can run side by side. Grain calls go straight to the silo. With a
/// dashboard binding the silo is an ASP.NET Core app serving the Orleans dashboard and the economy view.
/// </summary>
public sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private EmbeddedSilo(IHost host, Uri? dashboard)
    {
        _host = host;
        GrainFactory = host.Services.GetRequiredService<IGrainFactory>();
        Dashboard = dashboard;
        Live = dashboard is null ? null : host.Services.GetRequiredService<LiveRun>();
    }

    public IGrainFactory GrainFactory { get; }

    /// <summary>The economy view's address (with its token, if any); null without a dashboard.</summary>
    public Uri? Dashboard { get; }

    /// <summary>The state the dashboard shows and its run control; null without a dashboard.</summary>
    public LiveRun? Live { get; }

    public static async Task<EmbeddedSilo> StartAsync(CancellationToken cancellationToken, DashboardBinding? dashboard = null)
    {
        if (dashboard is null)
        {
            var builder = Host.CreateApplicationBuilder();
            Configure(builder, dashboard: false);
            var host = builder.Build();
            await host.StartAsync(cancellationToken);
            return new EmbeddedSilo(host, null);
        }
        var web = DashboardHost.CreateBuilder(dashboard);
        Configure(web, dashboard: true);
        var app = web.Build();
        app.MapM2MSimDashboard();
        await app.StartAsync(cancellationToken);
        return new EmbeddedSilo(app, app.Address(dashboard));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static void Configure(IHostApplicationBuilder builder, bool dashboard)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Error);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort(), serviceId: "m2msim", clusterId: "m2msim-embedded")
                .AddM2MSim();
            if (dashboard) silo.AddM2MSimDashboard();
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
