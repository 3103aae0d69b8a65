using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fabric.Hypervisor.Qemu.GuestAgent;

/// <summary>
/// Talks to qemu-ga through the VM's guest-agent socket. Each call connects, resynchronises with
/// <c>guest-sync-delimited</c> (the channel may hold a stale reply from an abandoned call, and the
/// agent may have restarted), runs one command and disconnects. Calls are serialised: the agent
/// handles one request at a time and the socket serves one client.
/// </summary>
public sealed class GuestAgentClient(string socketPath, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public string SocketPath => socketPath;

    /// <summary>Runs a command and returns its <c>return</c> value.</summary>
    public async Task<JsonElement> ExecuteAsync(string command, object? arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
        await RunAsync(command, arguments, expectReply: true, timeout, cancellationToken);

    /// <summary>
    /// For commands the agent never answers on success (<c>guest-shutdown</c>, <c>guest-suspend-*</c>;
    /// the schema marks them <c>success-response: false</c>): success is the agent having accepted it after sync.
    /// </summary>
    public async Task SendWithoutReplyAsync(string command, object? arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
        await RunAsync(command, arguments, expectReply: false, timeout, cancellationToken);

    public void Dispose() => _oneAtATime.Dispose();

    private async Task<JsonElement> RunAsync(string command, object? arguments, bool expectReply, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var stage = "connect";
        await _oneAtATime.WaitAsync(linked.Token);
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), linked.Token);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var reader = new AgentLineReader(stream);

            stage = "guest-sync-delimited";
            var syncId = Random.Shared.NextInt64(1, long.MaxValue / 2);
            // A leading 0xFF resets the agent's JSON parser in case a half-written request is pending.
            await stream.WriteAsync(new[] { AgentLineReader.Sentinel }, linked.Token);
            await WriteAsync(stream, "guest-sync-delimited", new JsonObject { ["id"] = syncId }, linked.Token);
            await reader.SkipPastSentinelAsync(linked.Token);
            while (!IsSyncReply(await reader.ReadLineAsync(linked.Token), syncId))
            {
                // Leftover replies of earlier calls; the sync id tells ours apart.
            }

            stage = command;
            await WriteAsync(stream, command, arguments, linked.Token);
            if (!expectReply)
            {
                return default;
            }

            string line;
            do
            {
                line = await reader.ReadLineAsync(linked.Token);
            }
            while (line.Length == 0);
            return ToResult(command, line);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new HypervisorException(HypervisorErrorCode.Timeout,
                $"Guest agent on {socketPath} did not answer '{stage}' within {timeout.TotalSeconds:0.#} s; is qemu-ga running in the guest?");
        }
        catch (Exception error) when (error is SocketException or IOException)
        {
            throw new HypervisorException(HypervisorErrorCode.Failed,
                $"Guest agent socket {socketPath} failed during '{stage}': {error.Message}. Is the VM running?", error);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private static async Task WriteAsync(Stream stream, string command, object? arguments, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["execute"] = command };
        if (arguments is not null)
        {
            request["arguments"] = arguments as JsonNode ?? JsonSerializer.SerializeToNode(arguments);
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToJsonString() + "\n"), cancellationToken);
    }

    private static bool IsSyncReply(string line, long syncId)
    {
        if (!line.StartsWith('{'))
        {
            return false;
        }

        using var document = JsonDocument.Parse(line);
        return document.RootElement.TryGetProperty("return", out var value) && value.TryGetInt64(out var id) && id == syncId;
    }

    private static JsonElement ToResult(string command, string line)
    {
        using var document = JsonDocument.Parse(line);
        var message = document.RootElement;
        if (message.TryGetProperty("error", out var error))
        {
            throw new GuestAgentException(command, error.GetProperty("class").GetString() ?? "GenericError", error.GetProperty("desc").GetString() ?? string.Empty);
        }

        return message.TryGetProperty("return", out var result) ? result.Clone() : default;
    }
}
