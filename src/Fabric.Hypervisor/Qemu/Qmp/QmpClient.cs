using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Fabric.Hypervisor.Qemu.Qmp;

/// <summary>
/// One QMP connection. A single reader loop routes replies to the pending command with the same
/// <c>id</c> and events to subscribers, because QEMU interleaves events between replies at will.
/// QMP serves one client at a time: dispose this before another process (or a new driver) connects.
/// </summary>
public sealed partial class QmpClient : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly List<QmpEventSubscription> _subscribers = [];
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _closing = new();
    private Task _readLoop = Task.CompletedTask;
    private long _nextId;

    private QmpClient(string socketPath, Socket socket, ILogger logger, TimeProvider time)
    {
        SocketPath = socketPath;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new StreamReader(_stream, Encoding.UTF8);
        _logger = logger;
        _time = time;
    }

    public string SocketPath { get; }

    /// <summary>QEMU's version from the greeting, e.g. <c>7.2.22</c>.</summary>
    public string QemuVersion { get; private set; } = "unknown";

    /// <summary>Completes when the connection closes, for whatever reason.</summary>
    public Task Completion => _readLoop;

    public bool IsConnected => !_readLoop.IsCompleted;

    /// <summary>Connects, reads the greeting and negotiates capabilities (QEMU refuses every command before that).</summary>
    public static async Task<QmpClient> ConnectAsync(string socketPath, TimeSpan timeout, ILogger logger, TimeProvider time, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), linked.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var client = new QmpClient(socketPath, socket, logger, time);
        try
        {
            // QEMU accepts the connection in the kernel backlog even while another client holds the
            // monitor; then the greeting never comes. The deadline turns that into a clear error.
            var greeting = await client._reader.ReadLineAsync(linked.Token) ?? throw new QmpConnectionLostException(socketPath);
            client.QemuVersion = ParseVersion(greeting);
            client._readLoop = Task.Run(client.ReadLoopAsync, CancellationToken.None);
            await client.ExecuteAsync("qmp_capabilities", null, timeout, cancellationToken);
            LogConnected(logger, socketPath, client.QemuVersion);
            return client;
        }
        catch (Exception error)
        {
            await client.DisposeAsync();
            if (error is OperationCanceledException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new HypervisorException(HypervisorErrorCode.Timeout,
                    $"QMP socket {socketPath} gave no greeting within {timeout.TotalSeconds:0.#} s; another client may hold it, or QEMU is hung.");
            }

            throw;
        }
    }

    /// <summary>Runs a command and returns its <c>return</c> value; throws <see cref="QmpException"/> when QEMU refuses.</summary>
    public async Task<JsonElement> ExecuteAsync(string command, object? arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        try
        {
            var request = new JsonObject { ["execute"] = command, ["id"] = id };
            if (arguments is not null)
            {
                request["arguments"] = arguments as JsonNode ?? JsonSerializer.SerializeToNode(arguments);
            }

            var bytes = Encoding.UTF8.GetBytes(request.ToJsonString() + "\n");
            await _writeLock.WaitAsync(cancellationToken);
            try
            {
                await _stream.WriteAsync(bytes, cancellationToken);
            }
            catch (IOException error)
            {
                throw new QmpConnectionLostException(SocketPath, error);
            }
            finally
            {
                _writeLock.Release();
            }

            var result = await reply.Task.WaitAsync(timeout, _time, cancellationToken);
            return ToResult(command, result);
        }
        catch (TimeoutException)
        {
            throw new HypervisorException(HypervisorErrorCode.Timeout,
                $"QMP command '{command}' got no reply within {timeout.TotalSeconds:0.#} s on {SocketPath}; QEMU may be hung (force stop kills it).");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Starts receiving events; see <see cref="QmpEventSubscription"/>.</summary>
    public QmpEventSubscription Subscribe()
    {
        var subscription = new QmpEventSubscription(Unsubscribe);
        lock (_subscribers)
        {
            if (_readLoop.IsCompleted && _readLoop != Task.CompletedTask)
            {
                subscription.Complete();
            }

            _subscribers.Add(subscription);
        }

        return subscription;
    }

    /// <summary>Events as an async stream, until the connection closes or <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<QmpEvent> ReadEventsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = Subscribe();
        await foreach (var qmpEvent in subscription.Reader.ReadAllAsync(cancellationToken))
        {
            yield return qmpEvent;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // Already closed by the other side.
        }

        _stream.Dispose();
        try
        {
            await _readLoop;
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // Closing is what we asked for.
        }

        _closing.Dispose();
        _writeLock.Dispose();
    }

    private static JsonElement ToResult(string command, JsonElement message)
    {
        if (message.TryGetProperty("error", out var error))
        {
            throw new QmpException(command, error.GetProperty("class").GetString() ?? "GenericError", error.GetProperty("desc").GetString() ?? string.Empty);
        }

        return message.TryGetProperty("return", out var result) ? result.Clone() : default;
    }

    private static string ParseVersion(string greeting)
    {
        using var document = JsonDocument.Parse(greeting);
        var qemu = document.RootElement.GetProperty("QMP").GetProperty("version").GetProperty("qemu");
        return $"{qemu.GetProperty("major").GetInt32()}.{qemu.GetProperty("minor").GetInt32()}.{qemu.GetProperty("micro").GetInt32()}";
    }

    private void Unsubscribe(QmpEventSubscription subscription)
    {
        lock (_subscribers)
        {
            _subscribers.Remove(subscription);
        }
    }
}
