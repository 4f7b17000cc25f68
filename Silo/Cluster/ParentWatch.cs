using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace M2MSim.Silo.Cluster;

/// <summary>
/// Stops the silo when the process that started it ends, however it ends (even kill -9): the
/// silos of `run --silos N` must never outlive the command.
/// </summary>
public static class ParentWatch
{
    public static void StopWith(this IHost host, int pid)
    {
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        _ = Task.Run(async () =>
        {
            try
            {
                using var parent = Process.GetProcessById(pid);
                await parent.WaitForExitAsync();
            }
            catch (ArgumentException)
            {
                // Already gone: nothing left to serve.
            }
            lifetime.StopApplication();
        });
    }
}
