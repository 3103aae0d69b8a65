using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Fabric.Hypervisor.Tests.Qemu.Qmp;

/// <summary>
/// A scripted QMP server on a unix socket: sends QEMU 7.2's greeting, then hands each request
/// to the test, which answers (in any order), emits events or stays silent.
/// </summary>
public sealed class FakeQmpServer : IAsyncDisposable
{
    public const string Greeting = """{"QMP": {"version": {"qemu": {"micro": 22, "minor": 2, "major": 7}, "package": "Debian"}, "capabilities": ["oob"]}}""";

    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly Channel<FakeQmpRequest> _requests = Channel.CreateUnbounded<FakeQmpRequest>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private NetworkStream? _current;

    public FakeQmpServer(bool sendGreeting = true, bool answerCapabilities = true)
    {
        SocketPath = Path.Combine(Path.GetTempPath(), $"fqmp-{Guid.NewGuid():N}.sock");
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(4);
        _acceptLoop = Task.Run(() => AcceptLoopAsync(sendGreeting, answerCapabilities));
    }

    public string SocketPath { get; }

    public int Connections { get; private set; }

    /// <summary>The next request a client sent (after capabilities negotiation).</summary>
    public async Task<FakeQmpRequest> NextRequestAsync() => await _requests.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public Task SendAsync(string json) => WriteAsync(_current!, json);

    /// <summary>Drops the current client, as QEMU does when it exits.</summary>
    public void DropClient() => _current?.Dispose();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        _current?.Dispose();
        await _acceptLoop.ContinueWith(_ => { }, TaskScheduler.Default);
        File.Delete(SocketPath);
        _stop.Dispose();
    }

    private static Task WriteAsync(Stream stream, string json) => stream.WriteAsync(Encoding.UTF8.GetBytes(json + "\r\n")).AsTask();

    private async Task AcceptLoopAsync(bool sendGreeting, bool answerCapabilities)
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptAsync(_stop.Token);
            Connections++;
            var stream = new NetworkStream(socket, ownsSocket: true);
            _current = stream;
            if (sendGreeting)
            {
                await WriteAsync(stream, Greeting);
            }

            using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
            try
            {
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    var request = JsonDocument.Parse(line).RootElement.Clone();
                    var command = request.GetProperty("execute").GetString()!;
                    var id = request.GetProperty("id").GetRawText();
                    if (command == "qmp_capabilities" && answerCapabilities)
                    {
                        await WriteAsync(stream, $$"""{"return": {}, "id": {{id}}}""");
                        continue;
                    }

                    await _requests.Writer.WriteAsync(new FakeQmpRequest(command, id, request));
                }
            }
            catch (Exception error) when (error is IOException or ObjectDisposedException)
            {
                // The test dropped the client.
            }
        }
    }
}
