using M2MSim.Silo;
using M2MSim.Silo.Cluster;
using M2MSim.Silo.Dashboard;
using Microsoft.Extensions.Hosting;

// A standalone silo with the Orleans dashboard (cluster-wide: every silo it knows) on 127.0.0.1,
// port M2MSIM_DASHBOARD_PORT (default: a free one, printed). Without --cluster it is a one-silo
// localhost cluster; with --cluster REDIS it joins the silos that share that Redis (docs/cluster.md).
// Its economy view stays empty: a run's live state lives in the process that drives it.
var arguments = SiloArguments.Parse(args, out var error);
if (arguments is null)
{
    // Bad options are the user's mistake, not the program's: one line and exit 2, no stack trace.
    if (error is not null) await Console.Error.WriteLineAsync($"error: {error}");
    await (error is null ? Console.Out : Console.Error).WriteLineAsync(SiloArguments.Usage);
    return error is null ? 0 : 2;
}
if (arguments.Cluster is { } cluster && await RedisProbe.CheckAsync(cluster.Redis) is { } unreachable)
{
    await Console.Error.WriteLineAsync($"error: {unreachable}");
    return 2;
}

var port = int.TryParse(Environment.GetEnvironmentVariable("M2MSIM_DASHBOARD_PORT"), out var p) ? p : 0;
var binding = DashboardBinding.Loopback(port);
var builder = DashboardHost.CreateBuilder(binding);
var siloPort = arguments.SiloPort is 0 ? FreePort.Next() : arguments.SiloPort;
var gatewayPort = arguments.GatewayPort is 0 ? FreePort.Next() : arguments.GatewayPort;
builder.UseOrleans(silo =>
{
    if (arguments.Cluster is { } c) silo.UseM2MSimCluster(c, siloPort, gatewayPort);
    else silo.UseLocalhostClustering();
    silo.AddM2MSim().AddM2MSimDashboard();
});
var app = builder.Build();
app.MapM2MSimDashboard();
if (arguments.StopWith is { } pid) app.StopWith(pid);
await app.StartAsync();
Console.WriteLine($"Orleans dashboard: {new UriBuilder(app.Address(binding)) { Path = "/dashboard/" }.Uri}");
// `run --silos N` waits for this line before it looks for the silo in the membership.
if (arguments.Cluster is { } joined)
    Console.WriteLine($"Silo ready: 127.0.0.1:{siloPort}, gateway {gatewayPort}, cluster {joined.ClusterId}/{joined.ServiceId} on Redis {joined.Redis}");
await app.WaitForShutdownAsync();
return 0;
