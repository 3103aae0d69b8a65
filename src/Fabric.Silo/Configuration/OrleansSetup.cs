using System.Net;
using Fabric.Grains;
using Fabric.Grains.Storage;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Fabric.Silo.Configuration;

/// <summary>Configures the Orleans silo from validated settings: Redis for everything, or memory for throwaway runs.</summary>
public static class OrleansSetup
{
    public static void Configure(ISiloBuilder silo, SiloSettings settings)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = "fabric";
        });

        if (settings.InMemory)
        {
            if (IPAddress.IsLoopback(settings.Address))
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort);
            }
            else
            {
                // The one in-memory silo is its own primary; it listens and is found on the given address.
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, new IPEndPoint(settings.Address, settings.SiloPort));
                silo.ConfigureEndpoints(settings.Address, settings.SiloPort, settings.GatewayPort);
            }

            silo.AddMemoryGrainStorage(GrainStorageNames.Default, o => o.GrainStorageSerializer = new SystemTextJsonGrainStorageSerializer());
            silo.UseInMemoryReminderService();
        }
        else
        {
            var redis = settings.Redis!;
            silo.ConfigureEndpoints(settings.Address, settings.SiloPort, settings.GatewayPort);
            silo.UseRedisClustering(o => o.ConfigurationOptions = redis.Clone());
            silo.AddRedisGrainStorage(GrainStorageNames.Default, o =>
            {
                o.ConfigurationOptions = redis.Clone();
                o.GrainStorageSerializer = new SystemTextJsonGrainStorageSerializer();
            });
            silo.UseRedisReminderService(o => o.ConfigurationOptions = redis.Clone());
        }

        silo.AddDashboard(o => o.HideTrace = true);
    }
}
