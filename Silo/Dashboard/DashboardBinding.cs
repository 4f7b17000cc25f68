using System.Net;

namespace M2MSim.Silo.Dashboard;

/// <summary>Where the silo's web app listens, and the token it asks for (null: none, loopback only).</summary>
/// <param name="Port">0 takes a free port.</param>
public sealed record DashboardBinding(IPAddress Address, int Port, string? Token)
{
    public static DashboardBinding Loopback(int port = 0) => new(IPAddress.Loopback, port, null);

    /// <summary>Anyone who can reach a non-loopback address could pause or stop the run: such a binding needs a token.</summary>
    public bool NeedsToken => !IPAddress.IsLoopback(Address);
}
