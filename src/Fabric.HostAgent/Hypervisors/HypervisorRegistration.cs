using Fabric.HostAgent.Configuration;
using Fabric.Hypervisor;
using Fabric.Hypervisor.Simulated;

namespace Fabric.HostAgent.Hypervisors;

/// <summary>Registers the hypervisor driver chosen by <c>Fabric:Driver</c>.</summary>
public static class HypervisorRegistration
{
    public static IServiceCollection AddHypervisorDriver(this IServiceCollection services, AgentSettings settings, IConfiguration configuration)
    {
        switch (settings.Driver)
        {
            case "simulated":
                services.Configure<SimulatedHypervisorOptions>(configuration.GetSection("Fabric:Simulated"));
                services.AddSingleton<IHypervisor, SimulatedHypervisor>();
                break;
            default:
                throw new NotSupportedException($"The '{settings.Driver}' driver is not built into this agent yet.");
        }

        return services;
    }
}
