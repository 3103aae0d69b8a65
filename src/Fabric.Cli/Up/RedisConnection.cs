using System.Net.Sockets;
using System.Text;

namespace Fabric.Cli.Up;

/// <summary>
/// Just enough of the Redis protocol for `fabric up` to supervise redis-server: one inline command,
/// one reply. The cluster itself talks to Redis through StackExchange.Redis; the CLI does not need it.
/// </summary>
internal static class RedisConnection
{
    /// <summary>
    /// Sends <paramref name="command"/> (e.g. <c>PING</c>) and returns the reply: the text of a simple
    /// string, an error (<c>-ERR ...</c>) or integer as sent, a bulk string's value, or <c>null</c> when
    /// the server closed the connection without answering (as SHUTDOWN does when it succeeds).
    /// </summary>
    public static async Task<string?> SendAsync(int port, string command, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"), cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var line = await reader.ReadLineAsync(cancellationToken);
        return line switch
        {
            null => null,
            ['+', .. var text] => text,
            "$-1" => "(nil)",
            ['$', ..] => await reader.ReadLineAsync(cancellationToken),
            _ => line,
        };
    }
}
