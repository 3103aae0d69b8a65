using System.Net.Sockets;
using System.Text.Json;

namespace Fabric.Chaos.Watching;

/// <summary>
/// <c>query-status</c> over a VM's QMP socket, for information only: the socket serves one client and the
/// host agent usually holds it, so most calls time out, and a stopped QEMU does not answer at all.
/// </summary>
public static class QmpProbe
{
    /// <summary>The run state ("running", "paused", ...), or a word saying why there is none.</summary>
    public static async Task<string> QueryStatusAsync(string socketPath, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), deadline.Token);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var reader = new QmpLineReader(stream);
            await reader.ReadLineAsync(deadline.Token);
            await stream.WriteAsync("{\"execute\":\"qmp_capabilities\"}\n"u8.ToArray(), deadline.Token);
            await ReadReturnAsync(reader, deadline.Token);
            await stream.WriteAsync("{\"execute\":\"query-status\"}\n"u8.ToArray(), deadline.Token);
            var status = await ReadReturnAsync(reader, deadline.Token);
            return status.GetProperty("status").GetString() ?? "unknown";
        }
        catch (OperationCanceledException)
        {
            return "no answer";
        }
        catch (Exception e) when (e is SocketException or IOException or JsonException or KeyNotFoundException)
        {
            return "unreachable: " + e.Message;
        }
    }

    private static async Task<JsonElement> ReadReturnAsync(QmpLineReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var message = JsonDocument.Parse(await reader.ReadLineAsync(cancellationToken));
            if (message.RootElement.TryGetProperty("return", out var value))
            {
                return value.Clone();
            }
        }
    }
}
