using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Fabric.Chaos.Watching;

/// <summary>
/// Asks a VM's guest agent (qemu-ga, through the guest-agent socket named in QEMU's argv) whether it
/// answers: <c>guest-sync-delimited</c>, then <c>guest-ping</c>. Written apart from the driver's client
/// so the watcher does not share its bugs. The socket serves one client at a time, so the call may wait
/// behind the host agent's own calls; the timeout bounds that.
/// </summary>
public static class GuestAgentProbe
{
    private const byte Sentinel = 0xFF;

    public static async Task<bool> PingAsync(string socketPath, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), deadline.Token);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var id = Random.Shared.Next(1, int.MaxValue);
            await stream.WriteAsync(new[] { Sentinel }, deadline.Token);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{{\"execute\":\"guest-sync-delimited\",\"arguments\":{{\"id\":{id}}}}}\n"), deadline.Token);
            var reader = new QmpLineReader(stream);
            await reader.SkipPastAsync(Sentinel, deadline.Token);
            while (!IsReturn(await reader.ReadLineAsync(deadline.Token), id))
            {
                // A stale reply of an abandoned call; ours carries our id.
            }

            await stream.WriteAsync("{\"execute\":\"guest-ping\"}\n"u8.ToArray(), deadline.Token);
            return IsReturn(await reader.ReadLineAsync(deadline.Token), id: null);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or JsonException)
        {
            return false;
        }
    }

    private static bool IsReturn(string line, int? id)
    {
        using var message = JsonDocument.Parse(line);
        return message.RootElement.TryGetProperty("return", out var value)
            && (id is null || (value.ValueKind == JsonValueKind.Number && value.GetInt64() == id));
    }
}
