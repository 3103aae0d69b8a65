using System.Net.Sockets;
using System.Text;
using Fabric.Testing.Waiting;

namespace Fabric.Testing.Processes;

/// <summary>
/// A real Debian <c>redis-server</c> on a free 127.0.0.1 port with the append-only file on, in
/// its own folder, so a restart keeps the data as it would in production.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _directory;
    private ChildProcess? _process;

    private RedisServer(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        var server = new RedisServer(directory, FreePort.Next());
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Shuts Redis down (flushing the AOF) and starts it again on the same port and folder.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartProcessAsync();
    }

    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        await _process.StopAsync(TimeSpan.FromSeconds(10));
        await _process.DisposeAsync();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StartProcessAsync()
    {
        const string binary = "/usr/bin/redis-server";
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException("redis-server is not installed; run scripts/install.sh (apt-get install redis-server).", binary);
        }

        _process = ChildProcess.Start(binary,
            ["--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", _directory,
             "--appendonly", "yes", "--save", "", "--daemonize", "no", "--protected-mode", "yes"],
            Path.Combine(_directory, "redis.log"));
        await Eventually.MatchAsync(PingAsync, reply => reply == "+PONG", TimeSpan.FromSeconds(20), $"redis-server on port {Port} to answer PING");
    }

    private async Task<string> PingAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", Port);
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode.ToString();
        }

        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read).Trim();
    }
}
