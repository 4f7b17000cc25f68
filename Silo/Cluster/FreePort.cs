using System.Net;
using System.Net.Sockets;

namespace M2MSim.Silo.Cluster;

/// <summary>A loopback port nobody listens on now, so several silos (and test runs) fit on one machine.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
