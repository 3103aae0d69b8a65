using Fabric.Contracts.Hosts.Leases;
using Fabric.HostAgent.Configuration;
using Fabric.HostAgent.Reconcile;
using Fabric.Leases;

namespace Fabric.HostAgent.Fencing;

/// <summary>
/// Registers the lease keeping and fencing parts: the witness (Redis, renewed there directly so a
/// silo's death cannot make the lease lapse; in memory, the lease grain through the cluster client),
/// the gate, the fence, the companion's pet and the keeper.
/// </summary>
public static class FencingRegistration
{
    public static IServiceCollection AddLeaseKeeping(this IServiceCollection services, AgentSettings settings, AgentIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.InMemory)
        {
            services.AddSingleton<ILeaseWitness>(provider => new GrainLeaseWitness(provider.GetRequiredService<IClusterClient>()));
        }
        else
        {
            services.AddSingleton<ILeaseWitness>(_ => new RedisLeaseWitness(settings.Redis!));
        }

        services.AddSingleton(identity);
        services.AddSingleton<LeaseGate>();
        services.AddSingleton(provider => new FenceTargets(provider.GetRequiredService<VmReconciler>(),
            FencePetFile.Read(settings.DataDirectory)?.Processes ?? []));
        services.AddSingleton<HostFence>();
        services.AddSingleton<FenceCompanionLauncher>();
        if (settings.Fencing.Watchdog is { } device)
        {
            services.AddSingleton(provider => new HardwareWatchdog(device, provider.GetRequiredService<ILogger<HardwareWatchdog>>()));
            services.AddSingleton<IFencePet>(provider => new FenceCompanionPet(settings, provider.GetRequiredService<FenceCompanionLauncher>(),
                provider.GetRequiredService<HardwareWatchdog>()));
        }
        else
        {
            services.AddSingleton<IFencePet>(provider => new FenceCompanionPet(settings, provider.GetRequiredService<FenceCompanionLauncher>()));
        }

        services.AddHostedService<LeaseKeeper>();
        return services;
    }
}
