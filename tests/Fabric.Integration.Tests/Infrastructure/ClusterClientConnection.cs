using Fabric.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Fabric.Integration.Tests.Infrastructure;

/// <summary>An Orleans client to the cluster under test, as a trusted program inside the cluster would use <see cref="FabricClient"/>.</summary>
public sealed class ClusterClientConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterClientConnection(IHost host)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IClusterClient>();
        Fabric = new FabricClient(Grains);
    }

    public FabricClient Fabric { get; }

    public IGrainFactory Grains { get; }

    public static async Task<ClusterClientConnection> ConnectAsync(string redis, string clusterId = "fabric")
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "fabric"));
            client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
        });
        var host = builder.Build();
        await host.StartAsync();
        return new ClusterClientConnection(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
