using Fabric.Grains.Placement;
using Fabric.Contracts.Hosts.Leases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fabric.Grains;

/// <summary>What the grains need from the silo's container besides Orleans: the keyed clock (<see cref="FabricTime"/>) is the host's to give.</summary>
public static class GrainServices
{
    public static IServiceCollection AddFabricGrainServices(this IServiceCollection services)
    {
        services.AddSingleton<HostView>();
        services.AddSingleton<HostSelector>();
        services.AddSingleton<IValidateOptions<PlacementOptions>, PlacementOptionsValidator>();

        // Without Redis the host leases live in a grain; a silo that stores in Redis registers the Redis witness first.
        services.TryAddSingleton<ILeaseWitness>(provider => new GrainLeaseWitness(provider.GetRequiredService<IGrainFactory>()));
        return services;
    }
}
