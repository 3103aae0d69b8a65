using Fabric.HostAgent.Configuration;
using Fabric.HostAgent.Reconcile;

namespace Fabric.HostAgent.Fencing;

/// <summary>Registers the lease keeping and fencing parts: the gate, the fence, the companion's pet and the keeper.</summary>
public static class FencingRegistration
{
    public static IServiceCollection AddLeaseKeeping(this IServiceCollection services, AgentSettings settings, AgentIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(identity);
        services.AddSingleton<LeaseGate>();
        services.AddSingleton(provider => new FenceTargets(provider.GetRequiredService<VmReconciler>(),
            FencePetFile.Read(settings.DataDirectory)?.Processes ?? []));
        services.AddSingleton<HostFence>();
        services.AddSingleton<FenceCompanionLauncher>();
        services.AddSingleton<IFencePet, FenceCompanionPet>();
        services.AddHostedService<LeaseKeeper>();
        return services;
    }
}
