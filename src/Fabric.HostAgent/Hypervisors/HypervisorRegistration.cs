using Fabric.HostAgent.Configuration;
using Fabric.Hypervisor.DependencyInjection;
using Fabric.Hypervisor.Qemu;

namespace Fabric.HostAgent.Hypervisors;

/// <summary>Registers the hypervisor driver chosen by <c>Fabric:Driver</c>, sharing the agent's storage pools with it.</summary>
public static class HypervisorRegistration
{
    public static IServiceCollection AddHypervisorDriver(this IServiceCollection services, AgentSettings settings, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Driver == "simulated")
        {
            return services.AddSimulatedHypervisor(o =>
            {
                configuration.GetSection("Fabric:Simulated").Bind(o);
                o.StoragePools = new Dictionary<string, string>(settings.StoragePools, StringComparer.Ordinal);
            });
        }

        services.AddQemuHypervisor(configuration.GetSection("Fabric:Qemu"));
        services.PostConfigure<QemuHypervisorOptions>(o =>
        {
            // Each agent keeps its VMs' sockets and pidfiles under its own data folder unless told
            // otherwise, so several agents on one machine (tests, demos) never share a runtime folder.
            if (configuration["Fabric:Qemu:RuntimeDirectory"] is null)
            {
                o.RuntimeDirectory = Path.Combine(settings.DataDirectory, "run");
            }

            foreach (var (name, path) in settings.StoragePools)
            {
                o.StoragePools[name] = path;
            }
        });
        return services;
    }
}
