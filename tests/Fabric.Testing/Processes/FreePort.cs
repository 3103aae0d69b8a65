using System.Net;
using System.Net.Sockets;

namespace Fabric.Testing.Processes;

/// <summary>Finds a free TCP port on 127.0.0.1 by letting the kernel pick one.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
