using System.Net;
using System.Net.Sockets;

namespace Fabric.Cli.Up;

/// <summary>
/// Finds TCP ports on 127.0.0.1 for the children of `fabric up`. A port found free can be taken
/// by someone else before the child binds it; the child then fails to start and says so in its log.
/// </summary>
internal static class FreePort
{
    /// <summary>Whether nothing listens on <paramref name="port"/> right now.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            listener.Listen();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A port the kernel picked as free.</summary>
    public static int Pick()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    /// <summary><paramref name="preferred"/> when it is free (stable ports are easier to debug), else any free port.</summary>
    public static int PreferOrPick(int preferred) => IsFree(preferred) ? preferred : Pick();

    /// <summary>A free port that is none of <paramref name="taken"/> (picked ports are released before children bind them).</summary>
    public static int PickExcept(ICollection<int> taken)
    {
        while (true)
        {
            var port = Pick();
            if (!taken.Contains(port))
            {
                return port;
            }
        }
    }
}
