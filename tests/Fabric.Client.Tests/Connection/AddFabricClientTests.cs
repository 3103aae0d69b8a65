using System.Diagnostics;
using Fabric.Client.Connection;
using Fabric.Testing.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fabric.Client.Tests.Connection;

/// <summary>A program pointed at a cluster that is not there learns so, with the reason, instead of hanging.</summary>
public sealed class AddFabricClientTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("fabric-client-connect-").FullName;

    [Fact]
    public async Task Start_GatewayNobodyListensOn_FailsAfterTheTimeoutNamingTheGatewayAndClusterId()
    {
        var port = FreePort.Next();
        using var host = Build(new() { ["Fabric:Client:Gateways"] = $"127.0.0.1:{port}", ["Fabric:Client:ConnectTimeoutSeconds"] = "2" });

        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<FabricConnectionException>(() => host.StartAsync().WaitAsync(Deadline));

        Assert.Contains($"127.0.0.1:{port}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cluster id 'fabric'", ex.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), $"gave up after {clock.Elapsed}, before the 2 s it was given");
    }

    [Fact]
    public async Task Start_RedisWithNoSiloOfThatCluster_FailsNamingRedisAndTheClusterId()
    {
        await using var redis = await RedisServer.StartAsync(Path.Combine(_directory, "redis"));
        using var host = Build(new()
        {
            ["Fabric:Client:Redis"] = redis.ConnectionString,
            ["Fabric:Client:ClusterId"] = "nobody-here",
            ["Fabric:Client:ConnectTimeoutSeconds"] = "2",
        });

        var ex = await Assert.ThrowsAsync<FabricConnectionException>(() => host.StartAsync().WaitAsync(Deadline));

        Assert.Contains($"Redis {redis.ConnectionString}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cluster id 'nobody-here'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFabricClient_NothingSaysWhereTheClusterIs_ThrowsAtOnce()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Fabric:Client:ConfigFile"] = Path.Combine(_directory, "missing.json"),
        }).Build();

        var ex = Assert.Throws<FabricConnectionException>(() => new ServiceCollection().AddFabricClient(config));

        Assert.Contains("missing.json", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddFabricClient(builder.Configuration);
        return builder.Build();
    }
}
