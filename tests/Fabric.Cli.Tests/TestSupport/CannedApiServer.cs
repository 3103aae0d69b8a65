using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Fabric.Cli.Tests.TestSupport;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1:0 answering with canned responses (routes <c>METHOD /path</c>, or <c>/path</c> for GET), so the CLI's HTTP,
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

    /// <summary>Every request with its method, token and body, in arrival order.</summary>
    public ConcurrentQueue<CannedRequest> Requests { get; } = new();

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
            var requestLine = await ReadLineAsync(stream);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var line = await ReadLineAsync(stream); line.Length > 0; line = await ReadLineAsync(stream))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }

            var body = new byte[headers.TryGetValue("Content-Length", out var length) ? long.Parse(length, System.Globalization.CultureInfo.InvariantCulture) : 0];
            await stream.ReadExactlyAsync(body);
            var (method, path) = requestLine.Split(' ') is [var m, var target, ..] ? (m, target) : ("GET", "/");
            RequestedPaths.Enqueue(path);
            Requests.Enqueue(new CannedRequest(method, path, headers.GetValueOrDefault("Authorization"), headers.GetValueOrDefault("Content-Type"), body));
            var response = _routes.TryGetValue($"{method} {path}", out var canned) || (method == "GET" && _routes.TryGetValue(path, out canned))
                ? canned
                : new CannedResponse(404, """{"title":"Not Found","status":404}""", "application/problem+json");
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            var head = $"HTTP/1.1 {response.Status} Canned\r\nContent-Type: {response.ContentType}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(bytes);
        }
    }

    /// <summary>Reads one CRLF-terminated header line byte by byte, so the body after the headers stays unread.</summary>
    private static async Task<string> ReadLineAsync(NetworkStream stream)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1 && one[0] != (byte)'\n')
        {
            line.Add(one[0]);
        }

        return Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }
}
