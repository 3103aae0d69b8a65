using Fabric.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fabric.Integration.Tests.Infrastructure;

/// <summary>An Orleans client to the cluster under test, connected as a trusted program connects: through <c>AddFabricClient</c>.</summary>
public sealed class ClusterClientConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterClientConnection(IHost host)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IClusterClient>();
        Fabric = host.Services.GetRequiredService<FabricClient>();
    }

    public FabricClient Fabric { get; }

    public IGrainFactory Grains { get; }

    public static Task<ClusterClientConnection> ConnectAsync(string redis, string clusterId = "fabric") => ConnectWithAsync(new()
    {
        ["Fabric:Client:Redis"] = redis,
        ["Fabric:Client:ClusterId"] = clusterId,
    });

    /// <summary>Connects with nothing but the client file `fabric up` wrote.</summary>
    public static Task<ClusterClientConnection> ConnectWithFileAsync(string clientFile) => ConnectWithAsync(new() { ["Fabric:Client:ConfigFile"] = clientFile });

    private static async Task<ClusterClientConnection> ConnectWithAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        settings["Fabric:Client:ConnectTimeoutSeconds"] = "60";
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddFabricClient(builder.Configuration);
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
