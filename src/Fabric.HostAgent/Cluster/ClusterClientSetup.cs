using Fabric.HostAgent.Configuration;
using Orleans.Configuration;

namespace Fabric.HostAgent.Cluster;

/// <summary>Configures the agent's Orleans client: Redis gateway discovery, or a localhost gateway for in-memory clusters.</summary>
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
        }
        else
        {
            client.UseRedisClustering(o => o.ConfigurationOptions = settings.Redis!.Clone());
        }

        client.UseConnectionRetryFilter<ClusterConnectionRetry>();
    }
}
