using System.Net;
using Fabric.HostAgent.Configuration;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Fabric.HostAgent.Cluster;

/// <summary>Configures the agent's Orleans client: Redis gateway discovery, or one static gateway (loopback unless configured) for in-memory clusters.</summary>
public static class ClusterClientSetup
{
    public static void Configure(IClientBuilder client, AgentSettings settings)
    {
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = "fabric";
        });

        if (settings.InMemory)
        {
            client.UseLocalhostClustering(settings.GatewayPort);
            if (!IPAddress.IsLoopback(settings.GatewayAddress))
            {
                var gateway = new IPEndPoint(settings.GatewayAddress, settings.GatewayPort).ToGatewayUri();
                client.Configure<StaticGatewayListProviderOptions>(o =>
                {
                    o.Gateways.Clear();
                    o.Gateways.Add(gateway);
                });
            }
        }
        else
        {
            client.UseRedisClustering(o => o.ConfigurationOptions = settings.Redis!.Clone());
        }

        client.UseConnectionRetryFilter<ClusterConnectionRetry>();
    }
}
