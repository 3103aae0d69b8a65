using Fabric.Grains.Placement;
using Microsoft.Extensions.DependencyInjection;

namespace Fabric.Grains;

/// <summary>What the grains need from the silo's container besides Orleans: the keyed clock (<see cref="FabricTime"/>) is the host's to give.</summary>
public static class GrainServices
{
    public static IServiceCollection AddFabricGrainServices(this IServiceCollection services)
    {
        services.AddSingleton<HostView>();
        return services;
    }
}
