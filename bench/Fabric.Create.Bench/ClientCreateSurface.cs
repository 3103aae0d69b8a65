using Fabric.Client;
using Fabric.Contracts.Vms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Fabric.Create.Bench;

/// <summary><see cref="FabricClient"/> over one Orleans client connected to the silo's gateway, shared by all callers.</summary>
internal sealed class ClientCreateSurface : ICreateSurface
{
    private readonly IHost _host;
    private readonly FabricClient _fabric;

    private ClientCreateSurface(IHost host)
    {
        _host = host;
        _fabric = new FabricClient(host.Services.GetRequiredService<IClusterClient>());
    }

    public static async Task<ClientCreateSurface> ConnectAsync(SimulatedCluster cluster)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("fabric", "fabric"));
            if (cluster.RedisConnectionString is { } redis)
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
            }
            else
            {
                client.UseLocalhostClustering(cluster.GatewayPort);
            }
        });
        var host = builder.Build();
        await host.StartAsync();
        return new ClientCreateSurface(host);
    }

    public Task CreateAsync(string name, int memoryMiB) =>
        _fabric.Vms.CreateAsync(new CreateVmRequest { Name = name, VCpus = 1, MemoryMiB = memoryMiB, Nics = [], Disks = [], Start = true });

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
