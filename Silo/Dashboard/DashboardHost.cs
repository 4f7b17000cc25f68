using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Orleans.Dashboard;

namespace M2MSim.Silo.Dashboard;

/// <summary>
/// The silo's web app: the Orleans dashboard at /dashboard, the economy view at /, its API under
/// /api. Used by the simulator's embedded silo and by the standalone silo host.
/// </summary>
public static class DashboardHost
{
    /// <summary>The page's files, copied next to the binaries by the build (see Silo.csproj).</summary>
    public static string WebRoot { get; } = Path.Combine(AppContext.BaseDirectory, "dashboard-web");

    public static WebApplicationBuilder CreateBuilder(DashboardBinding binding)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(k => k.Listen(binding.Address, binding.Port));
        builder.Services.AddSingleton(binding);
        builder.Services.AddSingleton<LiveRun>();
        return builder;
    }

    /// <summary>The Orleans part: counters for the Orleans dashboard.</summary>
    public static ISiloBuilder AddM2MSimDashboard(this ISiloBuilder silo) => silo.AddDashboard();

    public static WebApplication MapM2MSimDashboard(this WebApplication app)
    {
        app.UseMiddleware<TokenCheck>();
        var files = new PhysicalFileProvider(WebRoot);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapOrleansDashboard(routePrefix: "dashboard");
        app.MapEconomyApi();
        return app;
    }

    /// <summary>The address the app listens on, once started (the real port when 0 was asked for).</summary>
    public static Uri Address(this WebApplication app, DashboardBinding binding)
    {
        var bound = new Uri(app.Urls.First());
        var host = binding.NeedsToken && binding.Address.Equals(System.Net.IPAddress.Any) ? System.Net.Dns.GetHostName() : bound.Host;
        var query = binding.Token is { } token ? $"?{TokenCheck.Query}={Uri.EscapeDataString(token)}" : "";
        return new Uri($"http://{host}:{bound.Port}/{query}");
    }
}
