using M2MSim.Silo;
using Microsoft.Extensions.Hosting;

// A standalone silo on localhost clustering. The simulator normally embeds its own silo; this host
// is the starting point for running silos as separate processes.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.UseLocalhostClustering().AddM2MSim());
await builder.Build().RunAsync();
