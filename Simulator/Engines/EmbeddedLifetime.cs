using Microsoft.Extensions.Hosting;

namespace M2MSim.Simulator.Engines;

/// <summary>
/// The embedded silo is a part of the simulator, not an application: it must not stop itself on
/// Ctrl+C (the default console lifetime would). The simulator cancels the run and stops the silo.
/// </summary>
public sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
