using M2MSim.Silo;
using M2MSim.Silo.Dashboard;
using Microsoft.Extensions.Hosting;

// A standalone silo on localhost clustering, with the Orleans dashboard (cluster-wide: every silo
// it knows) on 127.0.0.1, port M2MSIM_DASHBOARD_PORT (default: a free one, printed). The simulator
// normally embeds its own silo; this host is the starting point for running silos as separate
// processes. Its economy view stays empty: a run's live state lives in the process that drives it.
var port = int.TryParse(Environment.GetEnvironmentVariable("M2MSIM_DASHBOARD_PORT"), out var p) ? p : 0;
var binding = DashboardBinding.Loopback(port);
var builder = DashboardHost.CreateBuilder(binding);
builder.UseOrleans(silo => silo.UseLocalhostClustering().AddM2MSim().AddM2MSimDashboard());
var app = builder.Build();
app.MapM2MSimDashboard();
await app.StartAsync();
Console.WriteLine($"Orleans dashboard: {new UriBuilder(app.Address(binding)) { Path = "/dashboard/" }.Uri}");
await app.WaitForShutdownAsync();
