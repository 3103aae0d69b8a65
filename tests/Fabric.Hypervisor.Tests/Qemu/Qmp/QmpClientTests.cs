using Fabric.Hypervisor.Qemu.Qmp;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fabric.Hypervisor.Tests.Qemu.Qmp;

public sealed class QmpClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ConnectAsync_Greeting_NegotiatesCapabilitiesAndReadsVersion()
    {
        await using var server = new FakeQmpServer();
        await using var client = await Connect(server);
        Assert.Equal("7.2.22", client.QemuVersion);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task ExecuteAsync_RepliesOutOfOrder_EachCallerGetsItsOwnReply()
    {
        await using var server = new FakeQmpServer();
        await using var client = await Connect(server);

        var first = client.ExecuteAsync("query-status", null, Timeout, default);
        var firstRequest = await server.NextRequestAsync();
        var second = client.ExecuteAsync("query-name", null, Timeout, default);
        var secondRequest = await server.NextRequestAsync();
        await server.SendAsync(secondRequest.Reply("""{"name": "two"}"""));
        await server.SendAsync(firstRequest.Reply("""{"status": "running"}"""));

        Assert.Equal("running", (await first).GetProperty("status").GetString());
        Assert.Equal("two", (await second).GetProperty("name").GetString());
    }

    [Fact]
    public async Task ExecuteAsync_EventBetweenRequestAndReply_GoesToSubscribersNotTheCaller()
    {
        await using var server = new FakeQmpServer();
        await using var client = await Connect(server);
        using var events = client.Subscribe();

        var call = client.ExecuteAsync("system_powerdown", null, Timeout, default);
        var request = await server.NextRequestAsync();
        await server.SendAsync("""{"event": "POWERDOWN", "data": {}, "timestamp": {"seconds": 1, "microseconds": 2}}""");
        await server.SendAsync(request.Reply("{}"));

        await call;
        var powerdown = await events.WaitForAsync(e => e.Name == "POWERDOWN", Timeout, TimeProvider.System, default);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1).AddTicks(20), powerdown.Timestamp);
    }

    [Fact]
    public async Task ReadEventsAsync_StreamsEventsWithData()
    {
        await using var server = new FakeQmpServer();
        await using var client = await Connect(server);
        using var cancel = new CancellationTokenSource(Timeout);
        var reading = client.ReadEventsAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = reading.MoveNextAsync();

        await server.SendAsync("""{"event": "SHUTDOWN", "data": {"guest": true, "reason": "guest-shutdown"}, "timestamp": {"seconds": 1, "microseconds": 0}}""");

        Assert.True(await next);
        Assert.Equal("guest-shutdown", reading.Current.GetString("reason"));
        await reading.DisposeAsync();
    }

    [Fact]
    public async Task ExecuteAsync_ErrorReply_ThrowsWithQemuErrorClass()
    {
        await using var server = new FakeQmpServer();
        await using var client = await Connect(server);
        var call = client.ExecuteAsync("device_del", new Dictionary<string, object?> { ["id"] = "nope" }, Timeout, default);
        var request = await server.NextRequestAsync();
        Assert.Equal("nope", request.Raw.GetProperty("arguments").GetProperty("id").GetString());
        await server.SendAsync(request.Error("DeviceNotFound", "Device 'nope' not found"));

        var error = await Assert.ThrowsAsync<QmpException>(() => call);
        Assert.Equal("DeviceNotFound", error.ErrorClass);
    }

    [Fact]
    public async Task ExecuteAsync_NoReply_TimesOutWithTypedError()
    {
        await using var server = new FakeQmpServer();
        await using var client = await Connect(server);
        var error = await Assert.ThrowsAsync<HypervisorException>(() =>
            client.ExecuteAsync("query-status", null, TimeSpan.FromMilliseconds(200), default));
        Assert.Equal(HypervisorErrorCode.Timeout, error.Code);
        Assert.Contains("query-status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerCloses_PendingCommandFailsAndSubscribersComplete()
    {
        await using var server = new FakeQmpServer();
        await using var client = await Connect(server);
        using var events = client.Subscribe();
        var call = client.ExecuteAsync("query-status", null, Timeout, default);
        await server.NextRequestAsync();

        server.DropClient();

        await Assert.ThrowsAsync<QmpConnectionLostException>(() => call);
        await client.Completion.WaitAsync(Timeout);
        Assert.False(client.IsConnected);
        await Assert.ThrowsAsync<IOException>(() => events.WaitForAsync(_ => true, Timeout, TimeProvider.System, default));
    }

    [Fact]
    public async Task ConnectAsync_NoGreeting_FailsWithTimeoutNamingTheSocket()
    {
        await using var server = new FakeQmpServer(sendGreeting: false);
        var error = await Assert.ThrowsAsync<HypervisorException>(() =>
            QmpClient.ConnectAsync(server.SocketPath, TimeSpan.FromMilliseconds(300), NullLogger.Instance, TimeProvider.System, default));
        Assert.Equal(HypervisorErrorCode.Timeout, error.Code);
        Assert.Contains(server.SocketPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QmpConnection_AfterConnectionLoss_ReconnectsOnNextCommand()
    {
        await using var server = new FakeQmpServer();
        await using var connection = new QmpConnection(server.SocketPath, Timeout, NullLogger.Instance, TimeProvider.System);
        var first = await connection.GetClientAsync(default);
        server.DropClient();
        await first.Completion.WaitAsync(Timeout);

        var call = connection.ExecuteAsync("query-status", null, default);
        var request = await server.NextRequestAsync();
        await server.SendAsync(request.Reply("""{"status": "running"}"""));

        Assert.Equal("running", (await call).GetProperty("status").GetString());
        Assert.Equal(2, server.Connections);
    }

    private static Task<QmpClient> Connect(FakeQmpServer server) =>
        QmpClient.ConnectAsync(server.SocketPath, Timeout, NullLogger.Instance, TimeProvider.System, default);
}
