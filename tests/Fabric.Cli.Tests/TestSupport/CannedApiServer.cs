using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Fabric.Cli.Tests.TestSupport;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1:0 answering GETs with canned responses, so the CLI's HTTP,
/// JSON and error handling run for real without a silo. Unknown paths get a problem+json 404.
/// </summary>
internal sealed class CannedApiServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyDictionary<string, CannedResponse> _routes;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public CannedApiServer(IReadOnlyDictionary<string, CannedResponse> routes)
    {
        _routes = routes;
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _serving = ServeAsync();
    }

    public string Url { get; }

    public ConcurrentQueue<string> RequestedPaths { get; } = new();

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            var requestLine = await reader.ReadLineAsync() ?? "";
            while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
            {
                // Headers are not needed.
            }

            var path = requestLine.Split(' ') is [_, var target, ..] ? target : "/";
            RequestedPaths.Enqueue(path);
            var response = _routes.TryGetValue(path, out var canned)
                ? canned
                : new CannedResponse(404, """{"title":"Not Found","status":404}""", "application/problem+json");
            var body = Encoding.UTF8.GetBytes(response.Body);
            var head = $"HTTP/1.1 {response.Status} Canned\r\nContent-Type: {response.ContentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }
}
