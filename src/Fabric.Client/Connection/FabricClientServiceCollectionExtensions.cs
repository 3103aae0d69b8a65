using Fabric.Client;
using Fabric.Client.Connection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a <see cref="FabricClient"/> connected to a Fabric cluster.</summary>
public static class FabricClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds an Orleans client for the cluster that <paramref name="configuration"/> names (see
    /// <see cref="FabricConnectionSettings.Resolve"/>: the file <c>./fabric up</c> writes, then the
    /// <c>Fabric:Client:*</c> settings) and a <see cref="FabricClient"/> over it. Throws
    /// <see cref="FabricConnectionException"/> here when nothing says where the cluster is, and from the
    /// host's start when no silo answers within <c>Fabric:Client:ConnectTimeoutSeconds</c> (15 s by default).
    /// </summary>
    public static IServiceCollection AddFabricClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = FabricConnectionSettings.Resolve(configuration);
        services.AddSingleton(settings);
        services.AddOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, settings.ServiceId));
            if (settings.Redis is { } redis)
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = RedisOptions(redis));
            }
            else
            {
                client.UseStaticClustering([.. settings.Gateways]);
            }

            client.UseConnectionRetryFilter<ConnectDeadline>();
        });
        services.AddSingleton(provider => new FabricClient(provider.GetRequiredService<IClusterClient>(), provider.GetService<TimeProvider>()));
        return services;
    }

    private static ConfigurationOptions RedisOptions(string redis)
    {
        try
        {
            return ConfigurationOptions.Parse(redis);
        }
        catch (ArgumentException e)
        {
            throw new FabricConnectionException($"Fabric:Client:Redis '{redis}' is not a Redis endpoint (host:port): {e.Message}", e);
        }
    }
}
