using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Fabric.Hypervisor.Qemu.GuestAgent;

namespace Fabric.Hypervisor.Tests.Qemu.GuestAgent;

/// <summary>Protocol tests against a scripted qemu-ga; the real agent is exercised in the QEMU tests.</summary>
public sealed class GuestAgentClientTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"fqga-{Guid.NewGuid():N}.sock");
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);

    public GuestAgentClientTests()
    {
        _listener.Bind(new UnixDomainSocketEndPoint(_path));
        _listener.Listen(1);
    }

    [Fact]
    public async Task ExecuteAsync_StaleRepliesBeforeSync_AreSkippedAndTheCommandAnswered()
    {
        var agent = ServeOnceAsync(async (reader, stream, syncId) =>
        {
            // Leftovers of an abandoned call, then the delimited sync reply.
            await Write(stream, "{\"return\": {\"stale\": true}}\n{\"return\": 12}\n");
            await stream.WriteAsync(new byte[] { 0xFF });
            await Write(stream, $"{{\"return\": {syncId}}}\n");
            var command = JsonDocument.Parse((await reader.ReadLineAsync())!).RootElement;
            Assert.Equal("guest-ping", command.GetProperty("execute").GetString());
            await Write(stream, "{\"return\": {}}\n");
        });

        using var client = new GuestAgentClient(_path, TimeProvider.System);
        var result = await client.ExecuteAsync("guest-ping", null, Timeout, default);

        Assert.Equal(JsonValueKind.Object, result.ValueKind);
        await agent;
    }

    [Fact]
    public async Task SendWithoutReplyAsync_Shutdown_ReturnsWithoutWaitingForAReply()
    {
        var received = new TaskCompletionSource<string>();
        var agent = ServeOnceAsync(async (reader, stream, syncId) =>
        {
            await stream.WriteAsync(new byte[] { 0xFF });
            await Write(stream, $"{{\"return\": {syncId}}}\n");
            received.SetResult((await reader.ReadLineAsync())!);
        });

        using var client = new GuestAgentClient(_path, TimeProvider.System);
        await client.SendWithoutReplyAsync("guest-shutdown", new Dictionary<string, string> { ["mode"] = "powerdown" }, Timeout, default);

        Assert.Contains("\"mode\":\"powerdown\"", await received.Task.WaitAsync(Timeout), StringComparison.Ordinal);
        await agent;
    }

    [Fact]
    public async Task ExecuteAsync_AgentNeverSyncs_TimesOutAskingWhetherQemuGaRuns()
    {
        // The silent agent holds the connection open until the client has given up, however slow the machine.
        var release = new TaskCompletionSource();
        var agent = ServeOnceAsync((_, _, _) => release.Task);
        using var client = new GuestAgentClient(_path, TimeProvider.System);

        var error = await Assert.ThrowsAsync<HypervisorException>(() => client.ExecuteAsync("guest-ping", null, TimeSpan.FromMilliseconds(300), default));
        release.SetResult();

        Assert.Equal(HypervisorErrorCode.Timeout, error.Code);
        Assert.Contains("qemu-ga", error.Message, StringComparison.Ordinal);
        await agent;
    }

    public void Dispose()
    {
        _listener.Dispose();
        File.Delete(_path);
    }

    private static Task Write(Stream stream, string text) => stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

    private async Task ServeOnceAsync(Func<StreamReader, NetworkStream, long, Task> script)
    {
        using var socket = await _listener.AcceptAsync();
        await using var stream = new NetworkStream(socket);
        Assert.Equal(0xFF, stream.ReadByte());
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        var sync = JsonDocument.Parse((await reader.ReadLineAsync())!).RootElement;
        Assert.Equal("guest-sync-delimited", sync.GetProperty("execute").GetString());
        await script(reader, stream, sync.GetProperty("arguments").GetProperty("id").GetInt64());
    }
}
