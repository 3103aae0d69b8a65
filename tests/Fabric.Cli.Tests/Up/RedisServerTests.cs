using Fabric.Cli.Tests.TestSupport;
using Fabric.Cli.Up;

namespace Fabric.Cli.Tests.Up;

/// <summary>Runs Debian's real redis-server, as `fabric up` does.</summary>
public sealed class RedisServerTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly TemporaryDirectory _temporary = new();
    private readonly ReadinessWaiter _waiter = new(TimeProvider.System, TimeSpan.FromMilliseconds(50));

    [Fact]
    public async Task StartShutdownStart_KeyWrittenBeforeShutdown_IsThereAfterRestart()
    {
        var (data, _) = DataDirectory.Prepare(_temporary.Combine("data"));

        var first = await StartReadyAsync(data!);
        Assert.Equal("OK", await RedisConnection.SendAsync(first.Port, "SET fabric:test survived", CancellationToken.None));
        await first.ShutdownAsync(Deadline, TimeProvider.System);
        first.Process.Dispose();

        Assert.True(Directory.EnumerateFiles(data!.Redis, "*.aof", SearchOption.AllDirectories).Any(), "no AOF file in " + data.Redis);
        var second = await StartReadyAsync(data);
        try
        {
            Assert.Equal("survived", await RedisConnection.SendAsync(second.Port, "GET fabric:test", CancellationToken.None));
        }
        finally
        {
            await second.ShutdownAsync(Deadline, TimeProvider.System);
            second.Process.Dispose();
        }
    }

    [Fact]
    public async Task Shutdown_RunningServer_ExitsCleanlyAndLogsIt()
    {
        var (data, _) = DataDirectory.Prepare(_temporary.Combine("data"));
        var redis = await StartReadyAsync(data!);

        await redis.ShutdownAsync(Deadline, TimeProvider.System);

        Assert.True(redis.Process.Exited.IsCompleted);
        Assert.Equal("exited with code 0", redis.Process.DescribeExit());
        redis.Process.Dispose();
        Assert.Contains(LogTail.Read(data!.LogOf("redis"), lines: 50), line => line.Contains("Redis is now ready to exit", StringComparison.Ordinal));
    }

    [Fact]
    public void Arguments_BindLocallyWithAofAndNoSnapshots()
    {
        var arguments = RedisServer.Arguments(6390, "/data/redis");

        Assert.Equal(
            ["--bind", "127.0.0.1", "--port", "6390", "--dir", "/data/redis", "--appendonly", "yes", "--save", "", "--daemonize", "no", "--protected-mode", "yes"],
            arguments);
    }

    [Fact]
    public void Arguments_AlsoBindingTheBridge_BindsBothWithoutProtectedMode()
    {
        var arguments = RedisServer.Arguments(6390, "/data/redis", alsoBind: "198.18.0.1");

        Assert.Equal(["--bind", "198.18.0.1", "127.0.0.1"], arguments.Take(3));
        Assert.Equal(["--protected-mode", "no"], arguments.TakeLast(2));
    }

    [Fact]
    public void CheckInstalled_Missing_SaysHowToInstall()
    {
        Assert.Null(RedisServer.CheckInstalled());
        Assert.Contains("apt-get install redis-server", RedisServer.CheckInstalled("/nonexistent/redis-server"));
    }

    private async Task<RedisServer> StartReadyAsync(DataDirectory data)
    {
        var redis = await RedisServer.StartAsync(FreePort.Pick(), data);
        try
        {
            await _waiter.WaitAsync("redis PING", redis.PingAsync, Deadline, redis.Process, [redis.Process], CancellationToken.None);
            return redis;
        }
        catch
        {
            redis.Process.Kill();
            redis.Process.Dispose();
            throw;
        }
    }

    public void Dispose() => _temporary.Dispose();
}
